import { expect } from "chai";
import {
    ADMIN_MANAGED_POLICIES, deploymentRolePolicy, deploymentTrustPolicy, GUARDRAIL_TEARDOWN_ACTIONS, LIMITED_READ_ACTIONS, MONITORING_MANAGED_POLICIES,
    monitoringTrustPolicy, REGIONAL_SERVICES,
} from "../../security/crossAccountPolicies";
import { CrossAccountRoles, CrossAccountRolesArgs } from "../../security/crossAccountRoles";
import { construct, inAccount, valueOf } from "../support/component";
import { ACCOUNTS, ATTACHMENT, POLICY, ROLE, sid } from "./fixtures";

// Test-only principals: the real CI/CD role and monitoring account are not in the guide.
const CICD = "arn:aws:iam::123456789013:role/test-cicd";
const MONITORING_ACCOUNT = "999999999999";
const { dev: DEV, prod: PROD } = ACCOUNTS;
const permissions = (lockGuardrails: boolean, additionalRegions: string[] = []) => deploymentRolePolicy({
    accountId: PROD, region: "ap-south-1", additionalRegions, bootstrapRoleArns: [`arn:aws:iam::${PROD}:role/DeploymentRole`, `arn:aws:iam::${PROD}:role/MonitoringRole`], lockGuardrails,
});

describe("DeploymentRole trust (§2.3.1)", () => {
    it("trusts the staging CI/CD role, and only it, as deployer", () => {
        const doc = deploymentTrustPolicy({ cicdRoleArn: CICD, limitedAccountIds: [] });
        expect(doc.Statement).to.deep.equal([{ Sid: "CiCdDeployer", Effect: "Allow", Principal: { AWS: CICD }, Action: "sts:AssumeRole" }]);
    });

    it("trusts the development account only for MFA sessions tagged fivestar-access=limited (no other tag)", () => {
        const s = sid(deploymentTrustPolicy({ cicdRoleArn: CICD, limitedAccountIds: [DEV] }), "LimitedAccountsWithMfaAndTag");
        expect(s.Principal).to.deep.equal({ AWS: [`arn:aws:iam::${DEV}:root`] });
        expect(s.Action).to.have.members(["sts:AssumeRole", "sts:TagSession"]);
        expect(s.Condition).to.deep.equal({
            StringEquals: { "aws:RequestTag/fivestar-access": "limited" },
            "ForAllValues:StringEquals": { "aws:TagKeys": ["fivestar-access"] },
            Bool: { "aws:MultiFactorAuthPresent": "true" },
        });
        // The CI/CD statement cannot tag sessions (it could not pose as limited or anything else).
        expect(sid(deploymentTrustPolicy({ cicdRoleArn: CICD, limitedAccountIds: [DEV] }), "CiCdDeployer").Action).to.equal("sts:AssumeRole");
    });
});

describe("DeploymentRole permissions (§2.3.1: ECS deployment, Lambda updates, stack management; not AdministratorAccess)", () => {
    const doc = permissions(true);
    const allows = doc.Statement.filter((s) => s.Effect === "Allow");

    it("covers ECS deployment and Lambda updates; grants no '*' action and no iam:* / organizations / account / sts action", () => {
        const actions = allows.flatMap((s) => [s.Action].flat());
        expect(actions).to.include.members(["ecs:*", "lambda:*", "elasticloadbalancing:*", "application-autoscaling:*"]);
        expect(actions).to.not.include("*");
        for (const a of actions) expect(a, a).to.not.match(/^(iam:\*|organizations:|account:|sts:)/);
    });

    it("IAM is limited to roles of this account; no users, groups or access keys", () => {
        const iamActions = allows.filter((s) => s.Sid !== "OwnGroupsAndPolicies").flatMap((s) => [s.Action].flat()).filter((a) => a.startsWith("iam:"));
        for (const a of iamActions) expect(a, a).to.not.match(/User|Group|AccessKey|LoginProfile|CreatePolicy|SetDefaultPolicyVersion/);
        expect(sid(doc, "WorkloadRoles").Resource).to.equal(`arn:aws:iam::${PROD}:role/*`);
    });

    it("§2.2.3 MFA (issue 16): the password policy, and only the program's own fivestar-* groups and policies; never users or membership", () => {
        expect(sid(doc, "AccountPasswordPolicy").Action).to.deep.equal(["iam:GetAccountPasswordPolicy", "iam:UpdateAccountPasswordPolicy", "iam:DeleteAccountPasswordPolicy"]);
        const own = sid(doc, "OwnGroupsAndPolicies");
        expect(own.Resource).to.deep.equal([`arn:aws:iam::${PROD}:group/fivestar-*`, `arn:aws:iam::${PROD}:policy/fivestar-*`]);
        for (const a of [own.Action].flat()) expect(a, a).to.not.match(/User|AccessKey|LoginProfile|AddUserToGroup|PutGroupPolicy/);
        expect(sid(doc, "OnlyOwnPoliciesOnGroups")).to.deep.include({
            Effect: "Deny", Action: "iam:AttachGroupPolicy", Condition: { ArnNotLike: { "iam:PolicyARN": `arn:aws:iam::${PROD}:policy/fivestar-*` } },
        });
        expect(sid(permissions(true), "DenyGuardrailTeardown").Action).to.include("iam:DeleteAccountPasswordPolicy");
    });

    it("iam:PassRole only to the services the program passes roles to", () => {
        const s = sid(doc, "PassWorkloadRoles");
        expect(s.Condition?.StringEquals).to.deep.equal({ "iam:PassedToService": [
            "ecs-tasks.amazonaws.com", "ecs.amazonaws.com", "lambda.amazonaws.com", "vpc-flow-logs.amazonaws.com", "monitoring.rds.amazonaws.com",
            "rds.amazonaws.com", "config.amazonaws.com", "cloudtrail.amazonaws.com", "application-autoscaling.amazonaws.com", "events.amazonaws.com",
            "scheduler.amazonaws.com", "ecr.amazonaws.com",
        ] });
    });

    it("issue 17: ECR registry replication and repository creation templates (no resource-level permissions), for full deployers only", () => {
        const s = sid(doc, "EcrRegistryReplication");
        expect(s.Action).to.deep.equal(["ecr:PutReplicationConfiguration", "ecr:DescribeRegistry", "ecr:CreateRepositoryCreationTemplate",
            "ecr:DescribeRepositoryCreationTemplates", "ecr:UpdateRepositoryCreationTemplate", "ecr:DeleteRepositoryCreationTemplate"]);
        expect(s.Resource).to.equal("*");
        expect(s.Condition).to.deep.equal({ StringNotEquals: { "aws:PrincipalTag/fivestar-access": "limited" } });
    });

    it("EventBridge Scheduler: only the schedule CRUD actions, only default-group schedules of this account and region (dev after-hours)", () => {
        const s = sid(doc, "DefaultGroupSchedules");
        expect(s.Action).to.deep.equal(["scheduler:CreateSchedule", "scheduler:GetSchedule", "scheduler:UpdateSchedule", "scheduler:DeleteSchedule"]);
        expect(s.Resource).to.equal(`arn:aws:scheduler:ap-south-1:${PROD}:schedule/default/*`);
        expect(s.Condition).to.deep.equal({ StringNotEquals: { "aws:PrincipalTag/fivestar-access": "limited" } });
        expect([sid(doc, "DenyOutsideRegion").Action].flat()).to.include("scheduler:*");
    });

    it("S3, Secrets Manager, SSM and ECR only on fivestar names in this account and region; issue 17: also in the prod account's other region (prod replicates there, prod-dr runs there), nowhere else", () => {
        const named = (region: string) => [
            `arn:aws:secretsmanager:${region}:${PROD}:secret:fivestar/*`, `arn:aws:ssm:${region}:${PROD}:parameter/fivestar/*`, `arn:aws:ecr:${region}:${PROD}:repository/fivestar-*`,
        ];
        expect(sid(doc, "NamedStorageAndConfig").Resource).to.deep.equal(["arn:aws:s3:::fivestar-*", "arn:aws:s3:::fivestar-*/*", ...named("ap-south-1")]);
        expect(sid(permissions(true, ["ap-south-2"]), "NamedStorageAndConfig").Resource)
            .to.deep.equal(["arn:aws:s3:::fivestar-*", "arn:aws:s3:::fivestar-*/*", ...named("ap-south-1"), ...named("ap-south-2")]);
    });

    it("denies every regional service outside the stack's region and the regions the program replicates to (prod's RDS backup region)", () => {
        const s = sid(doc, "DenyOutsideRegion");
        expect(s.Effect).to.equal("Deny");
        expect(s.Action).to.deep.equal(REGIONAL_SERVICES.map((x) => `${x}:*`));
        expect(s.Condition).to.deep.equal({ StringNotEquals: { "aws:RequestedRegion": ["ap-south-1"] } });
        expect(sid(permissions(true, ["ap-south-2"]), "DenyOutsideRegion").Condition).to.deep.equal({ StringNotEquals: { "aws:RequestedRegion": ["ap-south-1", "ap-south-2"] } });
    });

    it("every service allowed with a wildcard is either regional (region-locked) or global on purpose (budgets)", () => {
        const services = allows.flatMap((s) => [s.Action].flat()).filter((a) => a.endsWith(":*")).map((a) => a.split(":")[0]);
        for (const svc of services) expect([...REGIONAL_SERVICES, "s3", "budgets"], svc).to.include(svc);
    });

    it("the deployer cannot change the DeploymentRole or MonitoringRole, nor attach AdministratorAccess, PowerUserAccess or IAMFullAccess", () => {
        expect(sid(doc, "DenyChangingBootstrapRoles")).to.deep.equal({
            Sid: "DenyChangingBootstrapRoles", Effect: "Deny", Action: "iam:*",
            Resource: [`arn:aws:iam::${PROD}:role/DeploymentRole`, `arn:aws:iam::${PROD}:role/MonitoringRole`],
        });
        const s = sid(doc, "DenyAdminPolicies");
        expect(s.Effect).to.equal("Deny");
        expect(s.Condition).to.deep.equal({ ArnLike: { "iam:PolicyARN": [...ADMIN_MANAGED_POLICIES] } });
        expect(ADMIN_MANAGED_POLICIES).to.include("arn:aws:iam::aws:policy/AdministratorAccess");
    });

    it("limited sessions get only the read-only statement: every other Allow excludes the limited tag", () => {
        for (const s of allows.filter((x) => x.Sid !== "LimitedRead")) {
            expect(s.Condition?.StringNotEquals, s.Sid).to.deep.equal({ "aws:PrincipalTag/fivestar-access": "limited" });
        }
        const read = sid(doc, "LimitedRead");
        expect(read.Action).to.deep.equal([...LIMITED_READ_ACTIONS]);
        for (const a of LIMITED_READ_ACTIONS) expect(a, a).to.match(/:(Describe|List|Get)/);
    });

    it("prod: CloudTrail, GuardDuty, Config cannot be switched off nor KMS keys deleted", () => {
        const s = sid(permissions(true), "DenyGuardrailTeardown");
        expect(s.Effect).to.equal("Deny");
        expect(s.Action).to.include.members(["cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "guardduty:DeleteDetector",
            "config:StopConfigurationRecorder", "config:DeleteConfigurationRecorder", "kms:ScheduleKeyDeletion"]);
        expect(s.Action).to.deep.equal([...GUARDRAIL_TEARDOWN_ACTIONS]);
        // dev/staging: no guardrail lock (their guardrails can be switched by config)
        expect(permissions(false).Statement.map((x) => x.Sid)).to.not.include("DenyGuardrailTeardown");
    });

    it("fits the 10,240-character limit of a role's inline policies", () => {
        expect(JSON.stringify(permissions(true)).length).to.be.below(10_240);
    });
});

describe("MonitoringRole (§2.3.1)", () => {
    it("trusts the central monitoring account, with MFA (§2.2.3: its principals may be people); CloudWatch, X-Ray and logs read through AWS read-only policies, nothing that writes", () => {
        expect(monitoringTrustPolicy(MONITORING_ACCOUNT).Statement).to.deep.equal([
            {
                Sid: "CentralMonitoringAccount", Effect: "Allow", Principal: { AWS: `arn:aws:iam::${MONITORING_ACCOUNT}:root` }, Action: "sts:AssumeRole",
                Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } },
            },
        ]);
        expect(MONITORING_MANAGED_POLICIES).to.deep.equal([
            "arn:aws:iam::aws:policy/CloudWatchReadOnlyAccess",
            "arn:aws:iam::aws:policy/AWSXrayReadOnlyAccess",
            "arn:aws:iam::aws:policy/CloudWatchLogsReadOnlyAccess",
        ]);
    });
});

describe("CrossAccountRoles component (§2.3.1)", () => {
    function args(overrides: Partial<CrossAccountRolesArgs> = {}): CrossAccountRolesArgs {
        return {
            environment: "prod", accountId: PROD, region: "ap-south-1", additionalRegions: [], deploymentRoleName: "DeploymentRole", monitoringRoleName: "MonitoringRole",
            cicdRoleArn: CICD, limitedAccountIds: [DEV], monitoringAccountId: MONITORING_ACCOUNT, lockGuardrails: true, protect: true, ...overrides,
        };
    }

    it("creates DeploymentRole with the trust and the permissions above, and MonitoringRole with the three read-only policies attached and nothing else (never AdministratorAccess)", async () => {
        const built = await construct(() => new CrossAccountRoles("roles", args(), inAccount()));
        const role = built.one(ROLE, "roles-deployment");
        expect(role.inputs.name).to.equal("DeploymentRole");
        expect(role.protect).to.equal(true);
        expect(JSON.parse(String(role.inputs.assumeRolePolicy))).to.deep.equal(deploymentTrustPolicy({ cicdRoleArn: CICD, limitedAccountIds: [DEV] }));
        const policy = built.one(POLICY, "roles-deployment");
        expect(policy.inputs.role).to.equal("DeploymentRole");
        expect(JSON.parse(String(policy.inputs.policy))).to.deep.equal(permissions(true));
        const monitoring = built.one(ROLE, "roles-monitoring");
        expect(monitoring.inputs.name).to.equal("MonitoringRole");
        expect(JSON.parse(String(monitoring.inputs.assumeRolePolicy))).to.deep.equal(monitoringTrustPolicy(MONITORING_ACCOUNT));
        expect(built.ofType(ATTACHMENT).map((a) => a.inputs)).to.have.deep.members(MONITORING_MANAGED_POLICIES.map((policyArn) => ({ role: "MonitoringRole", policyArn })));
        expect(built.ofType(POLICY).map((p) => p.inputs.role)).to.deep.equal(["DeploymentRole"]);
    });

    it("outside prod: unprotected, no limited trust when none is configured", async () => {
        const built = await construct(() => new CrossAccountRoles("roles", args({ environment: "dev", accountId: DEV, limitedAccountIds: [], lockGuardrails: false, protect: false }), inAccount()));
        const role = built.one(ROLE, "roles-deployment");
        expect(role.protect).to.equal(false);
        expect(JSON.parse(String(role.inputs.assumeRolePolicy)).Statement).to.have.length(1);
        expect(await valueOf(built.component.deploymentRoleArn)).to.match(/DeploymentRole$/);
        expect(await valueOf(built.component.monitoringRoleArn)).to.match(/MonitoringRole$/);
    });
});
