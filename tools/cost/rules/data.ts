/**
 * Data charges.
 *
 * RDS instance: instance-hours of its class for the hours it runs (Multi-AZ bills the primary and the
 * standby: ×2; each replica is its own instance), storage per copy (×2 for Multi-AZ), and automated
 * backup storage beyond the free allowance. Backups: a full first copy plus each day's changed data
 * for the retention period; the allowance equals the database's allocated storage (AWS: free up to
 * 100% of the database storage), so the billable part is allocated × daily change × retention days.
 *
 * Cross-region backup replication: the replicated backups are stored in the other region with no
 * free allowance (full copy + daily changes × its retention), and each day's changes cross regions.
 *
 * DynamoDB on demand: each item write also writes every global secondary index that holds the item
 * (priced as if every index does: an upper bound), index storage for ALL-projection indexes, and
 * point-in-time recovery on the table's size.
 */
import type { RegisteredResource } from "../../../lib/planRecord";
import { ChargeSpec, charges, notPriced, PricingRule, RuleContext } from "../model";
import { fmt, list, num, obj, str } from "./inputs";
import type { ResourceType } from "../../../lib/types";
import { RESOURCE_TYPES } from "../../../lib/types";

export const RDS_INSTANCE = RESOURCE_TYPES.rdsInstance;

/** The database a read replica copies, when the plan holds it. */
const sourceOf = (r: RegisteredResource, ctx: RuleContext) => ctx.plan.referenced(RDS_INSTANCE, r.inputs.replicateSourceDb);

const rdsInstance: PricingRule = (r, ctx) => {
    const isReplica = str(r.inputs.replicateSourceDb) !== undefined;
    // A point-in-time restore (the DR stack's database) takes engine and storage from its source unless it sets them.
    const restore = obj(r.inputs.restoreToPointInTime);
    const source = isReplica ? sourceOf(r, ctx) : restore ? ctx.plan.referenced(RDS_INSTANCE, restore.sourceDbInstanceIdentifier) : undefined;
    if (isReplica && !source) return notPriced("read replica whose source database is not in the plan");
    const from = (key: string) => r.inputs[key] ?? source?.inputs[key];
    const engine = str(from("engine"));
    if (engine !== "postgres") return notPriced(`engine ${engine ?? "(unset)"}: the price table holds RDS for PostgreSQL prices only`);
    const instanceClass = str(r.inputs.instanceClass) ?? "(unset)";
    const multiAz = r.inputs.multiAz === true;
    const copies = multiAz ? 2 : 1;
    const storageGb = num(from("allocatedStorage"));
    if (storageGb === undefined) return notPriced(`no allocated storage on the instance or its source${restore ? " (a restore from another stack: set allocatedStorage on it)" : ""}`);
    const storageType = str(from("storageType")) ?? (num(from("iops")) ? "io1" : "gp2");
    const running = ctx.runningHours(r);
    const role = isReplica ? "replica " : "";

    const specs: ChargeSpec[] = [
        {
            item: `${role}instance hours`, detail: `${instanceClass}${multiAz ? ", Multi-AZ (primary + standby)" : ""}`,
            quantity: running.hours * copies, priceKey: `rds.postgres.instanceHour.${instanceClass}`,
            assumptions: running.assumptions, basis: `${copies} × ${fmt(running.hours)} h (${running.basis})`,
        },
        { item: `${role}storage`, detail: `${storageType}${multiAz ? " × 2 copies (Multi-AZ)" : ""}`, quantity: storageGb * copies, priceKey: `rds.storageGbMonth.${storageType}`, basis: `${storageGb} GB allocated` },
    ];
    if (num(r.inputs.iops) !== undefined || num(r.inputs.storageThroughput) !== undefined) {
        specs.push({ item: "provisioned IOPS / throughput", quantity: num(r.inputs.iops) ?? 0, priceKey: `rds.provisionedIopsMonth.${storageType}` });
    }
    const retention = num(r.inputs.backupRetentionPeriod) ?? 0;
    if (!isReplica && retention > 0) {
        const change = ctx.assumptions.dbDailyChangePercent;
        specs.push({
            item: "backup storage beyond the free allowance", detail: `${retention} days retained`,
            quantity: (storageGb * change * retention) / 100, priceKey: "rds.backupGbMonth", assumptions: ["dbDailyChangePercent"],
            basis: `${storageGb} GB × ${change}% a day × ${retention} days; the first ${storageGb} GB (the database size) are free`,
        });
    }
    const piRetention = num(r.inputs.performanceInsightsRetentionPeriod) ?? 0;
    if (r.inputs.performanceInsightsEnabled === true && piRetention > 7) {
        specs.push({ item: "Performance Insights history beyond 7 days", detail: `${piRetention} days`, quantity: 1, priceKey: "rds.performanceInsightsLongTermMonth" });
    }
    const notes = [
        ...(instanceClass.startsWith("db.t") ? ["burstable class: sustained CPU above its baseline is billed as CPU credits, not estimated"] : []),
        ...(num(from("maxAllocatedStorage")) ? [`storage autoscaling up to ${num(from("maxAllocatedStorage"))} GB: priced at the allocated size`] : []),
        ...(num(r.inputs.monitoringInterval) ? ["Enhanced Monitoring writes to the RDSOSMetrics log group (a few MB a month): not estimated"] : []),
    ];
    return charges(specs, notes);
};

const backupReplication: PricingRule = (r, ctx) => {
    const source = ctx.plan.referenced(RDS_INSTANCE, r.inputs.sourceDbInstanceArn);
    const storageGb = num(source?.inputs.allocatedStorage);
    if (!source || storageGb === undefined) return notPriced("its source database (and so the backup size) is not in the plan");
    const retention = num(r.inputs.retentionPeriod) ?? 7;
    const change = ctx.assumptions.dbDailyChangePercent;
    const days = ctx.hoursPerMonth / 24;
    return charges([
        {
            item: "replicated backup storage", detail: `${retention} days retained, no free allowance`, quantity: storageGb * (1 + (change * retention) / 100),
            priceKey: "rds.backupGbMonth", assumptions: ["dbDailyChangePercent"], basis: `${storageGb} GB + ${change}% a day × ${retention} days`,
        },
        {
            item: "daily changes copied across regions", quantity: (storageGb * change * days) / 100, priceKey: "dataTransfer.interRegionGb",
            assumptions: ["dbDailyChangePercent"], region: ctx.plan.regionOf(source), basis: `${storageGb} GB × ${change}% a day × ${fmt(days)} days`,
        },
    ], ["the first full copy when replication starts is not included"]);
};

const dynamodbTable: PricingRule = (r, ctx) => {
    const mode = str(r.inputs.billingMode) ?? "PROVISIONED";
    if (mode !== "PAY_PER_REQUEST") return notPriced(`${mode} capacity is not in the price table`);
    const tableClass = str(r.inputs.tableClass) ?? "STANDARD";
    if (tableClass !== "STANDARD") return notPriced(`table class ${tableClass} is not in the price table`);
    const indexes = list(r.inputs.globalSecondaryIndexes);
    const fullCopies = indexes.filter((i) => i.projectionType === "ALL").length;
    const a = ctx.assumptions;
    const specs: ChargeSpec[] = [
        {
            item: "write request units", detail: `item + ${indexes.length} index write${indexes.length === 1 ? "" : "s"}`, quantity: a.dynamodbWritesMillionsPerMonth * (1 + indexes.length),
            priceKey: "dynamodb.writeRequestMillion", assumptions: ["dynamodbWritesMillionsPerMonth"],
            basis: `${a.dynamodbWritesMillionsPerMonth} M writes × (1 + ${indexes.length} GSIs), upper bound`,
        },
        { item: "read request units", quantity: a.dynamodbReadsMillionsPerMonth, priceKey: "dynamodb.readRequestMillion", assumptions: ["dynamodbReadsMillionsPerMonth"] },
        {
            item: "storage", detail: `table + ${fullCopies} ALL-projection index cop${fullCopies === 1 ? "y" : "ies"}`, quantity: a.dynamodbStorageGbPerTable * (1 + fullCopies),
            priceKey: "dynamodb.storageGbMonth", assumptions: ["dynamodbStorageGbPerTable"],
        },
    ];
    if (obj(r.inputs.pointInTimeRecovery)?.enabled === true) {
        specs.push({ item: "point-in-time recovery", quantity: a.dynamodbStorageGbPerTable, priceKey: "dynamodb.pitrGbMonth", assumptions: ["dynamodbStorageGbPerTable"] });
    }
    const home = ctx.plan.regionOf(r);
    const writeFanOut = a.dynamodbWritesMillionsPerMonth * (1 + indexes.length);
    for (const replica of list(r.inputs.replicas)) {
        // Global tables (version 2019.11.21): every replica region applies each write as replicated
        // write request units, stores a full copy (with its indexes) and keeps its own point-in-time
        // recovery; each write crosses regions once per replica (DynamoDB pricing, "Global tables").
        const region = str(replica.regionName) ?? "(unset region)";
        specs.push(
            { item: `replica in ${region}: replicated write request units`, quantity: writeFanOut, priceKey: "dynamodb.replicatedWriteRequestMillion", region,
                assumptions: ["dynamodbWritesMillionsPerMonth"], basis: `${a.dynamodbWritesMillionsPerMonth} M writes × (1 + ${indexes.length} GSIs), upper bound` },
            { item: `replica in ${region}: storage`, quantity: a.dynamodbStorageGbPerTable * (1 + fullCopies), priceKey: "dynamodb.storageGbMonth", region, assumptions: ["dynamodbStorageGbPerTable"] },
            ...(replica.pointInTimeRecovery === true
                ? [{ item: `replica in ${region}: point-in-time recovery`, quantity: a.dynamodbStorageGbPerTable, priceKey: "dynamodb.pitrGbMonth", region, assumptions: ["dynamodbStorageGbPerTable" as const] }]
                : []),
            { item: `replica in ${region}: writes copied across regions`, quantity: (a.dynamodbWritesMillionsPerMonth * 1_000_000 * a.dynamodbItemKb) / (1024 * 1024),
                priceKey: "dataTransfer.interRegionGb", region: home, assumptions: ["dynamodbWritesMillionsPerMonth", "dynamodbItemKb"],
                basis: `${a.dynamodbWritesMillionsPerMonth} M writes × ${a.dynamodbItemKb} KB` },
        );
    }
    return charges(specs, indexes.length > fullCopies ? ["keys-only and INCLUDE index storage is small and not counted"] : []);
};

export const dataRules: Record<string, PricingRule> = {
    [RDS_INSTANCE]: rdsInstance,
    "aws:rds/instanceAutomatedBackupsReplication:InstanceAutomatedBackupsReplication": backupReplication,
    "aws:dynamodb/table:Table": dynamodbTable,
} satisfies Partial<Record<ResourceType, PricingRule>>;
