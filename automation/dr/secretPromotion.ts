/**
 * Runbook step 3: promote the recovery Region's Secrets Manager replicas to standalone secrets, before
 * the active `up` writes the database secret's new value (a replica "can't be updated independently
 * from its primary secret": Secrets Manager User Guide standalone-secret.html).
 *
 * StopReplicationToReplica "removes the link between the replica secret and the primary secret and
 * promotes the replica ... You must call this operation from the Region in which you want to promote
 * the replica" (API Reference): it runs against the recovery Region only, so it works while the
 * primary Region is down. Idempotent: a secret whose DescribeSecret shows no other PrimaryRegion is
 * already standalone and is left alone, so a re-run of the runbook changes nothing.
 *
 * DynamoDB needs no such step: every replica of a global table accepts writes (multi-active;
 * DynamoDB Developer Guide globaltables_HowItWorks.html).
 */
import { DescribeSecretCommand, SecretsManagerClient, StopReplicationToReplicaCommand } from "@aws-sdk/client-secrets-manager";
import { Environment } from "../../config/names";
import { SecretName, secretName } from "../../security/secretValues";
import { RefusedError } from "../errors";

/** Every §4.2.2 secret of the environment: each is replicated to the recovery Region. */
export const REPLICATED_SECRETS: readonly SecretName[] = ["database", "razorpay", "juspay"];

export const replicatedSecretIds = (environment: Environment) => REPLICATED_SECRETS.map((s) => secretName(environment, s));

export interface PromotionOutcome {
    readonly secret: string;
    readonly action: "promoted" | "already standalone";
    /** The primary Region it was a replica of (promoted), or its own. */
    readonly primaryRegion?: string;
}

/**
 * Promotes each secret's replica in `region` (the client's Region). Refuses, before promoting any,
 * when a secret does not exist there: the active stack adopts the replicas, it cannot create them.
 */
export async function promoteSecretReplicas(sm: SecretsManagerClient, secretIds: readonly string[], region: string): Promise<PromotionOutcome[]> {
    const described = [];
    const missing: string[] = [];
    for (const id of secretIds) {
        try {
            described.push({ id, primaryRegion: (await sm.send(new DescribeSecretCommand({ SecretId: id }))).PrimaryRegion });
        } catch (e) {
            if ((e as Error).name !== "ResourceNotFoundException") throw e;
            missing.push(id);
        }
    }
    if (missing.length > 0) {
        throw new RefusedError(`no secret ${missing.join(", ")} in ${region}: prod replicates its secrets there (issue 17); nothing was promoted`);
    }
    const outcomes: PromotionOutcome[] = [];
    for (const { id, primaryRegion } of described) {
        if (primaryRegion && primaryRegion !== region) {
            await sm.send(new StopReplicationToReplicaCommand({ SecretId: id }));
            outcomes.push({ secret: id, action: "promoted", primaryRegion });
        } else {
            outcomes.push({ secret: id, action: "already standalone", primaryRegion });
        }
    }
    return outcomes;
}
