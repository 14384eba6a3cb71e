/**
 * Output that fits a terminal (issue 18): the plan and cost tables fit 160 columns unless --wide, the
 * plan ends with a summary line and lists the placeholders `pulumi up` refuses, with set commands.
 */
import { expect } from "chai";
import * as path from "path";
import { columns, cut, fitColumns, wrap } from "../../tools/offline/fit";
import { placeholderWarnings, summaryOf } from "../../tools/offline/footer";
import { renderPlan } from "../../tools/offline/report";
import { renderEstimate } from "../../tools/cost/render";
import { estimateStack, stackConfigOf } from "../../tools/cost";
import { parseArgs } from "../../tools/plan";
import { parseArgs as parseCostArgs } from "../../tools/cost";
import { planOf, STACKS } from "../support/plans";

const PROJECT_DIR = path.resolve(__dirname, "..", "..", "..");
const widest = (text: string) => Math.max(...text.split("\n").map(columns));

describe("terminal output: tables fit 160 columns", () => {
    for (const stack of STACKS) {
        it(`the ${stack} plan fits 160 columns; unfitted it is wider (so the fitting is what makes it fit)`, async () => {
            const plan = (await planOf(stack)).evaluated;
            expect(widest(renderPlan(plan))).to.be.at.most(160);
            expect(widest(renderPlan(plan, Infinity))).to.be.greaterThan(160);
        });
    }

    it("the prod cost table fits 160 columns; --wide prints it in full", async function () {
        this.timeout(0);
        const estimate = await estimateStack("prod", PROJECT_DIR);
        expect(widest(renderEstimate(estimate))).to.be.at.most(160);
        expect(widest(renderEstimate(estimate, Infinity))).to.be.greaterThan(160);
        // Every charge row is still there, cut, not dropped.
        const rows = (text: string) => text.split("\n").filter((l) => / \$[\d,]+\.\d\d( |$)/.test(l)).length;
        expect(rows(renderEstimate(estimate))).to.equal(rows(renderEstimate(estimate, Infinity)));
    });

    it("--wide is an option of both tools", () => {
        expect(parseArgs(["prod", "--wide"])).to.deep.include({ wide: true });
        expect(parseCostArgs(["prod", "--wide"])).to.deep.include({ wide: true });
    });

    it("fits columns by cutting the widest shrinkable one, marking the cut", () => {
        const rows = [["type", "name", "cost"], ["aws:ec2:NatGateway", "a-very-long-logical-name-indeed", "$40.88"]];
        const fitted = fitColumns(rows, 40, [1], new Set([2]));
        expect(fitted.map(columns)).to.deep.equal([40, 40]);
        expect(fitted[1]).to.equal("aws:ec2:NatGateway  a-very-long…  $40.88");
        expect(cut("abcdef", 4)).to.equal("abc…");
        expect(wrap("  ! one two three four", 12, "    ")).to.deep.equal(["  ! one two", "    three", "    four"]);
    });
});

describe("terminal output: the plan's summary line and placeholder warnings", () => {
    it("ends the plan with the resource counts", async () => {
        const plan = (await planOf("prod")).evaluated;
        const custom = plan.resources.filter((r) => r.custom).length;
        expect(summaryOf(plan)).to.equal(`Resources: ${plan.resources.length} to create (${custom} cloud resources in ${plan.resources.length - custom} components, ` +
            `${plan.resources.filter((r) => r.protect).length} protected)`);
    });

    for (const stack of STACKS) {
        it(`${stack}: lists the placeholders the committed stack file holds, each with its pulumi config set command`, () => {
            const warnings = placeholderWarnings(stack, stackConfigOf(stack, PROJECT_DIR, {}), 160).join("\n");
            expect(warnings).to.include(`pulumi config set internalPeImageTag <released tag> --stack ${stack}`);
            expect(warnings).to.include(`pulumi config set customerPortalImageTag <released tag> --stack ${stack}`);
            expect(warnings).to.match(new RegExp(`pulumi config set albCertificateArn arn:aws:acm:ap-south-1:\\d{12}:certificate/<id> --stack ${stack}`));
            expect(warnings).to.include(`pulumi config set --path 'customerPortalHostnames[0]' <portal host name> --stack ${stack}`);
            expect(widest(warnings)).to.be.at.most(160);
        });
    }

    it("no warning once the real values are set", () => {
        const cfg = stackConfigOf("prod", PROJECT_DIR, {
            internalPeImageTag: "1.4.2", customerPortalImageTag: "2.0.1",
            albCertificateArn: "arn:aws:acm:ap-south-1:123456789014:certificate/4f1c2b7e-1111-2222-3333-444455556666",
            customerPortalHostnames: '["portal.fivestar.in"]',
            internalPeHostname: "payments.fivestar.in", alertEmails: '["oncall@fivestar.in"]',
        });
        expect(placeholderWarnings("prod", cfg, 160)).to.deep.equal([]);
    });
});
