/** What the security tests share: the stacks' test accounts, the IAM type tokens, and a statement by Sid. */
import { expect } from "chai";
import { Environment } from "../../config/names";
import { PolicyDocument, PolicyStatement } from "../../lib/iamDocuments";

export const ACCOUNTS: Readonly<Record<Environment, string>> = { dev: "123456789012", staging: "123456789013", prod: "123456789014" };
export const ROLE = "aws:iam/role:Role";
export const POLICY = "aws:iam/rolePolicy:RolePolicy";
export const ATTACHMENT = "aws:iam/rolePolicyAttachment:RolePolicyAttachment";

/** The one statement of `doc` with this Sid (fails the test if there is none or more than one). */
export function sid(doc: PolicyDocument | readonly PolicyStatement[], id: string): PolicyStatement {
    const found = ("Statement" in doc ? doc.Statement : doc).filter((s) => s.Sid === id);
    expect(found, `statement ${id}`).to.have.length(1);
    return found[0];
}
