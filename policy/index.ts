/**
 * Entry point of the CrossGuard pack: `pulumi preview --policy-pack policy
 * --policy-pack-config policy/config/<stack>.json`. Only assembles; the rules live in rules/ and
 * are tested offline without this file (constructing the pack starts the policy server).
 */
import { PolicyPack } from "@pulumi/policy";
import { PACK_DESCRIPTION, PACK_ENFORCEMENT, PACK_NAME, POLICIES } from "./pack";

new PolicyPack(PACK_NAME, {
    description: PACK_DESCRIPTION,
    enforcementLevel: PACK_ENFORCEMENT,
    policies: POLICIES,
});
