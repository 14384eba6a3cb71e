/**
 * Where the read replicas of §4.1.3 go: one per availability zone, so losing a zone never takes
 * every replica with it.
 */
import { Environment, names } from "../config/names";

export interface ReplicaPlacement {
    /** 0-based; also the suffix of the child resource name, so a replica keeps its identity. */
    readonly index: number;
    readonly identifier: string;
    readonly availabilityZone: string;
}

export function replicaPlacements(env: Environment, count: number, availabilityZones: readonly string[]): ReplicaPlacement[] {
    if (!Number.isInteger(count) || count < 0) throw new Error(`read replica count must be a whole number >= 0, got ${count}`);
    if (new Set(availabilityZones).size !== availabilityZones.length) throw new Error(`availability zones repeat: ${availabilityZones.join(", ")}`);
    if (count > availabilityZones.length) {
        throw new Error(`${count} read replicas need ${count} availability zones (one each), only ${availabilityZones.length} given: ${availabilityZones.join(", ")}`);
    }
    return Array.from({ length: count }, (_, index) => ({
        index,
        identifier: names.dbReplica(env, index),
        availabilityZone: availabilityZones[index],
    }));
}
