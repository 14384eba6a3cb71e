/** Config test fixtures: real (non-placeholder) deployment values, and refusals as a table. */
import { expect } from "chai";
import { rejection } from "../support/config";

export type Refusal = readonly [title: string, stack: string, changes: Record<string, string | undefined>, ...texts: string[]];

export function itRefuses(rows: readonly Refusal[]): void {
    for (const [title, stack, changes, ...texts] of rows) {
        it(title, () => {
            const message = rejection(stack, changes);
            for (const text of texts) expect(message).to.include(text);
        });
    }
}

/** Real values for the keys the committed stack files hold placeholders for (prod's account). */
export const REAL = {
    internalPeImageTag: "1.4.2",
    customerPortalImageTag: "2.0.1",
    albCertificateArn: "arn:aws:acm:ap-south-1:123456789014:certificate/4f6a1c2e-8b3d-4e5f-9a7b-1c2d3e4f5a6b",
    customerPortalHostnames: '["portal.fivestarpayments.in"]',
    alertEmails: '["payments-oncall@fivestarpayments.in"]',
    internalPeHostname: "payments.fivestarpayments.in",
};
