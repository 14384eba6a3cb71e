/**
 * Lambda charges (issue 16: the weekly cleanup and dev's mock LMS): requests and GB-seconds by
 * architecture. Their volume is not config yet: each function is priced at an assumed 1 million
 * invocations a month of 100 ms, far above a weekly job and a dev mock, so the line is an upper bound.
 */
import { charges, notPriced, PricingRule } from "../model";
import { fmt, list, num, str } from "./inputs";
import type { ResourceType } from "../../../lib/types";

const ASSUMED_INVOCATIONS = 1_000_000;
const ASSUMED_DURATION_SECONDS = 0.1;

const lambdaFunction: PricingRule = (r) => {
    const architecture = str(list(r.inputs.architectures)[0]) ?? "x86_64";
    if (architecture !== "arm64" && architecture !== "x86_64") return notPriced(`Lambda architecture ${architecture} is not in the price table`);
    const memoryGb = (num(r.inputs.memorySize) ?? 128) / 1024;
    const gbSeconds = ASSUMED_INVOCATIONS * ASSUMED_DURATION_SECONDS * memoryGb;
    const basis = `assumed ${ASSUMED_INVOCATIONS.toLocaleString("en")} invocations a month of ${ASSUMED_DURATION_SECONDS * 1000} ms (an upper bound; no cost key yet)`;
    return charges([
        { item: "requests", quantity: ASSUMED_INVOCATIONS / 1_000_000, priceKey: "lambda.requestMillion", basis },
        { item: "duration", detail: `${fmt(memoryGb * 1024)} MB, ${architecture}`, quantity: gbSeconds, priceKey: `lambda.gbSecond.${architecture}`, basis },
    ], ["the monthly free tier (1 million requests, 400,000 GB-seconds) is not deducted"]);
};

export const operationsRules: Record<string, PricingRule> = {
    "aws:lambda/function:Function": lambdaFunction,
} satisfies Partial<Record<ResourceType, PricingRule>>;
