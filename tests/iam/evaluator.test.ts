/**
 * The offline IAM evaluator against the rules of AWS's policy evaluation logic it claims to follow.
 */
import { expect } from "chai";
import { evaluate, IamRequest, wildcardMatch } from "../../tools/iam/evaluator";
import { policyDocument, PolicyStatement } from "../../lib/iamDocuments";

const doc = (...s: PolicyStatement[]) => policyDocument(...s);
const decide = (statements: PolicyStatement[], request: IamRequest) => evaluate(doc(...statements), request).decision;
const allowIf = (Condition: PolicyStatement["Condition"]): PolicyStatement[] => [{ Sid: "A", Effect: "Allow", Action: "s3:GetObject", Resource: "*", Condition }];
const get = (context?: IamRequest["context"]): IamRequest => ({ action: "s3:GetObject", resource: "arn:aws:s3:::b/k", context });

describe("offline IAM evaluator (IAM User Guide: policy evaluation logic)", () => {
    it("wildcards: * any run, ? one character; actions ignore case, resources do not", () => {
        expect(wildcardMatch("ecs:Describe*", "ecs:describeservices", true)).to.equal(true);
        expect(wildcardMatch("arn:aws:s3:::fivestar-*", "arn:aws:s3:::Fivestar-x")).to.equal(false);
        expect(wildcardMatch("a?c", "abc")).to.equal(true);
        expect(wildcardMatch("a?c", "abbc")).to.equal(false);
        expect(wildcardMatch("a.c", "abc")).to.equal(false);
    });

    it("no matching statement is an implicit deny; a matching Allow allows; a matching Deny wins over any Allow", () => {
        const allow: PolicyStatement = { Sid: "A", Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::b/*" };
        const deny: PolicyStatement = { Sid: "D", Effect: "Deny", Action: "s3:GetObject", Resource: "*" };
        expect(decide([], get())).to.equal("implicit-deny");
        expect(evaluate(doc(allow), get())).to.deep.equal({ decision: "allow", statements: ["A"] });
        expect(evaluate(doc(allow, deny), get())).to.deep.equal({ decision: "explicit-deny", statements: ["D"] });
        expect(decide([allow], { action: "s3:GetObject", resource: "arn:aws:s3:::other/k" })).to.equal("implicit-deny");
    });

    it("a request on * (no resource-level permission) is allowed only by a statement on *", () => {
        const scoped: PolicyStatement = { Effect: "Allow", Action: "ssm:*", Resource: "arn:aws:ssm:*:*:parameter/fivestar/*" };
        expect(decide([scoped], { action: "ssm:DescribeParameters", resource: "*" })).to.equal("implicit-deny");
        expect(decide([{ ...scoped, Resource: "*" }], { action: "ssm:DescribeParameters", resource: "*" })).to.equal("allow");
    });

    it("NotAction and NotResource invert the match", () => {
        const s = { Effect: "Deny", NotAction: ["iam:*"], Resource: "*" } as unknown as PolicyStatement;
        expect(decide([s], get())).to.equal("explicit-deny");
        expect(decide([s], { action: "iam:GetRole", resource: "*" })).to.equal("implicit-deny");
        const r = { Effect: "Allow", Action: "s3:*", NotResource: "arn:aws:s3:::secret/*" } as unknown as PolicyStatement;
        expect(decide([r], get())).to.equal("allow");
        expect(decide([r], { action: "s3:GetObject", resource: "arn:aws:s3:::secret/k" })).to.equal("implicit-deny");
    });

    it("a key absent from the request: positive operators fail, negated ones hold, IfExists holds; StringNotEquals holds only when the value matches none of the policy's values", () => {
        expect(decide(allowIf({ StringEquals: { "aws:PrincipalTag/team": "a" } }), get())).to.equal("implicit-deny");
        expect(decide(allowIf({ StringNotEquals: { "aws:PrincipalTag/team": "a" } }), get())).to.equal("allow");
        expect(decide(allowIf({ StringEqualsIfExists: { "aws:PrincipalTag/team": "a" } }), get())).to.equal("allow");
        expect(decide(allowIf({ ArnNotLike: { "iam:PolicyARN": "arn:aws:iam::aws:policy/*" } }), get())).to.equal("allow");
        // StringNotEquals holds only when the value matches none of the policy's values.
        const deny: PolicyStatement[] = [{ Sid: "D", Effect: "Deny", Action: "*", Resource: "*", Condition: { StringNotEquals: { "aws:RequestedRegion": ["ap-south-1", "ap-south-2"] } } }];
        expect(decide(deny, get({ "aws:RequestedRegion": "ap-south-2" }))).to.equal("implicit-deny");
        expect(decide(deny, get({ "aws:RequestedRegion": "eu-west-1" }))).to.equal("explicit-deny");
    });

    it("values of one key are ORed; keys and operators are ANDed; key names ignore case", () => {
        const c = { StringEquals: { "aws:RequestedRegion": ["ap-south-1", "ap-south-2"] }, Bool: { "aws:SecureTransport": "true" } };
        expect(decide(allowIf(c), get({ "AWS:requestedregion": "ap-south-2", "aws:SecureTransport": "true" }))).to.equal("allow");
        expect(decide(allowIf(c), get({ "aws:RequestedRegion": "ap-south-2", "aws:SecureTransport": "false" }))).to.equal("implicit-deny");
        expect(decide(allowIf(c), get({ "aws:RequestedRegion": "us-east-1", "aws:SecureTransport": "true" }))).to.equal("implicit-deny");
    });

    it("ForAllValues holds on an empty set and needs every value; ForAnyValue needs one", () => {
        const all = allowIf({ "ForAllValues:StringEquals": { "aws:TagKeys": ["a", "b"] } });
        expect(decide(all, get())).to.equal("allow");
        expect(decide(all, get({ "aws:TagKeys": ["a", "b"] }))).to.equal("allow");
        expect(decide(all, get({ "aws:TagKeys": ["a", "c"] }))).to.equal("implicit-deny");
        const any = allowIf({ "ForAnyValue:StringLike": { "aws:TagKeys": "x-*" } });
        expect(decide(any, get())).to.equal("implicit-deny");
        expect(decide(any, get({ "aws:TagKeys": ["a", "x-1"] }))).to.equal("allow");
    });

    it("Null tests presence; StringLike and ArnLike use wildcards", () => {
        expect(decide(allowIf({ Null: { "aws:PrincipalTag/x": "true" } }), get())).to.equal("allow");
        expect(decide(allowIf({ Null: { "aws:PrincipalTag/x": "true" } }), get({ "aws:PrincipalTag/x": "1" }))).to.equal("implicit-deny");
        expect(decide(allowIf({ ArnLike: { "aws:SourceArn": "arn:aws:budgets::1:*" } }), get({ "aws:SourceArn": "arn:aws:budgets::1:budget/x" }))).to.equal("allow");
    });

    it("resource policies: a Principal statement matches only the named principal", () => {
        const s: PolicyStatement[] = [{ Effect: "Allow", Principal: { Service: ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"] }, Action: "sns:Publish", Resource: "*" }];
        expect(decide(s, { action: "sns:Publish", resource: "arn:aws:sns:r:1:t", principal: { Service: "budgets.amazonaws.com" } })).to.equal("allow");
        expect(decide(s, { action: "sns:Publish", resource: "arn:aws:sns:r:1:t", principal: { Service: "events.amazonaws.com" } })).to.equal("implicit-deny");
        expect(() => evaluate(doc(...s), { action: "sns:Publish", resource: "*" })).to.throw(/Principal/);
    });

    it("refuses what it does not model instead of guessing", () => {
        expect(() => evaluate(doc(...allowIf({ NumericLessThan: { "aws:MultiFactorAuthAge": "3600" } })), get({ "aws:MultiFactorAuthAge": "1" }))).to.throw(/NumericLessThan is not modelled/);
        expect(() => evaluate(doc({ Effect: "Allow", Action: "s3:*", Resource: "arn:aws:s3:::${aws:username}/*" }), get())).to.throw(/policy variables/);
    });
});
