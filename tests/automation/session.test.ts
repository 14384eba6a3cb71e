/**
 * Whose credentials the tool acts with, and the account check (STS mocked with aws-sdk-client-mock).
 */
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from "@aws-sdk/client-sts";
import { mockClient } from "aws-sdk-client-mock";
import { expect } from "chai";
import { RefusedError } from "../../automation/errors";
import { accountProblem, CredentialProvider, establishSession, isSessionOfRole, planSession, renewing } from "../../automation/session";
import { StackFacts } from "../../automation/stackFacts";

const PROD: StackFacts = {
    stack: "prod", project: "fivestar-payments", environment: "prod", accountId: "123456789014", region: "ap-south-1",
    deploymentRoleName: "DeploymentRole", deploymentRoleArn: "arn:aws:iam::123456789014:role/DeploymentRole",
};
/** §2.3.1: the staging account's CI/CD role deploys prod through prod's DeploymentRole. */
const CICD = { account: "123456789013", arn: "arn:aws:sts::123456789013:assumed-role/github-deploy/run-1" };
const PROD_DEPLOYMENT_SESSION = { account: "123456789014", arn: "arn:aws:sts::123456789014:assumed-role/DeploymentRole/fivestar-ops-prod" };
const PROD_ADMIN = { account: "123456789014", arn: "arn:aws:sts::123456789014:assumed-role/Admin/alice" };

const callerOf = (id: { account: string; arn: string }) => ({ Account: id.account, Arn: id.arn, UserId: "AROA" });

/** Two STS clients, each mocked on its own: the caller's (no credentials) and the assumed session's. */
function stsPair(caller: { account: string; arn: string }, assumed: { account: string; arn: string }) {
    const callerSts = new STSClient({ region: "ap-south-1" });
    const assumedSts = new STSClient({ region: "ap-south-1" });
    const callerMock = mockClient(callerSts);
    const assumedMock = mockClient(assumedSts);
    callerMock.on(GetCallerIdentityCommand).resolves(callerOf(caller));
    callerMock.on(AssumeRoleCommand).resolves({ Credentials: { AccessKeyId: "ASIAEXAMPLE", SecretAccessKey: "example-secret", SessionToken: "token", Expiration: new Date(Date.now() + 3600_000) } });
    assumedMock.on(GetCallerIdentityCommand).resolves(callerOf(assumed));
    const given: (CredentialProvider | undefined)[] = [];
    const makeSts = (credentials?: CredentialProvider) => {
        given.push(credentials);
        return credentials ? assumedSts : callerSts;
    };
    return { callerMock, assumedMock, makeSts, given };
}

describe("delivery tool: credentials and the account check", () => {
    describe("which session (pure)", () => {
        it("deploy: always assumes the stack's DeploymentRole, as the provider will, also from credentials already in the stack's account; never from a DeploymentRole session", () => {
            expect(planSession(CICD, PROD, "deploy")).to.deep.equal({ kind: "assume", roleArn: "arn:aws:iam::123456789014:role/DeploymentRole", sessionName: "fivestar-ops-prod" });
            expect(planSession(PROD_ADMIN, PROD, "deploy").kind).to.equal("assume");
            // ...and refuses a session that already is the DeploymentRole (the provider could not assume it again).
            expect(() => planSession(PROD_DEPLOYMENT_SESSION, PROD, "deploy")).to.throw(RefusedError, /already acting as DeploymentRole/);
        });

        it("read: credentials in the stack's account are used as they are; from another account, the DeploymentRole is assumed", () => {
            expect([planSession(PROD_DEPLOYMENT_SESSION, PROD, "read"), planSession(CICD, PROD, "read").kind]).to.deep.equal([{ kind: "ambient" }, "assume"]);
        });

        it("recognises a session of the role only in that account", () => {
            expect([
                isSessionOfRole(PROD_DEPLOYMENT_SESSION.arn, "123456789014", "DeploymentRole"),
                isSessionOfRole(PROD_DEPLOYMENT_SESSION.arn, "123456789012", "DeploymentRole"),
                isSessionOfRole(PROD_ADMIN.arn, "123456789014", "DeploymentRole"),
            ]).to.deep.equal([true, false, false]);
        });

        it("a session in another account is refused, naming both accounts and the stack file", () => {
            expect(accountProblem(CICD, PROD)).to.equal(
                'the session arn:aws:sts::123456789013:assumed-role/github-deploy/run-1 is in account 123456789013, but stack "prod" is in account 123456789014 (awsAccountId in Pulumi.prod.yaml); refusing');
        });
    });

    describe("establishing it (STS mocked)", () => {
        it("assumes exactly the stack's DeploymentRole from the CI/CD role, acts in the stack's account, and hands the assumed credentials to the clients it builds", async () => {
            const sts = stsPair(CICD, PROD_DEPLOYMENT_SESSION);
            const session = await establishSession(PROD, "deploy", sts.makeSts);
            expect([session.caller, session.acting]).to.deep.equal([CICD, PROD_DEPLOYMENT_SESSION]);
            expect(sts.callerMock.commandCalls(AssumeRoleCommand)[0].args[0].input).to.include({ RoleArn: PROD.deploymentRoleArn, RoleSessionName: "fivestar-ops-prod" });
            expect(await session.credentials!()).to.deep.include({ accessKeyId: "ASIAEXAMPLE", sessionToken: "token" });
        });

        const refusal = (sts: ReturnType<typeof stsPair>, purpose: "deploy" | "read" = "deploy") => establishSession(PROD, purpose, sts.makeSts).then(() => undefined, (e: unknown) => e);

        it("refuses when the assumed session is not in the stack's account", async () => {
            const sts = stsPair(CICD, { account: "999999999999", arn: "arn:aws:sts::999999999999:assumed-role/DeploymentRole/x" });
            expect(await refusal(sts)).to.be.instanceOf(RefusedError).with.property("message").that.matches(/is in account 999999999999, but stack "prod" is in account 123456789014/);
        });

        it("refuses when the caller may not assume the role, before Pulumi would fail on it", async () => {
            const sts = stsPair(CICD, PROD_DEPLOYMENT_SESSION);
            sts.callerMock.on(AssumeRoleCommand).rejects(Object.assign(new Error("not authorized to perform: sts:AssumeRole"), { name: "AccessDenied" }));
            expect(await refusal(sts)).to.be.instanceOf(RefusedError).with.property("message").that.matches(/cannot assume arn:aws:iam::123456789014:role\/DeploymentRole \(not authorized/);
        });

        it("refuses without credentials", async () => {
            const sts = stsPair(CICD, PROD_DEPLOYMENT_SESSION);
            sts.callerMock.on(GetCallerIdentityCommand).rejects(new Error("Could not load credentials from any providers"));
            expect(await refusal(sts, "read")).to.be.instanceOf(RefusedError).with.property("message").that.matches(/no usable AWS credentials/);
        });

        it("renews the assumed credentials shortly before they expire (a prod rollout outlasts one hour)", async () => {
            let clock = 0;
            let renewals = 0;
            const hour = (n: number) => ({ accessKeyId: `key-${n}`, secretAccessKey: "s", expiration: new Date(n * 3600_000) });
            const provider = renewing(hour(1), async () => hour(1 + ++renewals), () => clock);
            const seen = [(await provider()).accessKeyId];
            clock = 3600_000 - 60_000; // one minute before expiry
            seen.push((await provider()).accessKeyId, (await provider()).accessKeyId);
            expect(seen).to.deep.equal(["key-1", "key-2", "key-2"]);
        });

        it("validating with a session already in the account assumes nothing", async () => {
            const sts = stsPair(PROD_DEPLOYMENT_SESSION, PROD_DEPLOYMENT_SESSION);
            const session = await establishSession(PROD, "read", sts.makeSts);
            expect([session.credentials, sts.callerMock.commandCalls(AssumeRoleCommand).length]).to.deep.equal([undefined, 0]);
        });
    });
});
