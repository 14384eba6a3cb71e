/**
 * The DynamoDB tables of §4.1 and §7.1.1, built from the designs in tableDesigns.ts: on demand,
 * encrypted with the general CMK, point-in-time recovery per stack, protected in prod.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, StackScope } from "../config/names";
import { indexKeySchema, keyAttributes, TableDesign, TRANSACTION_QUEUE_TABLE, TRANSACTIONS_TABLE } from "./tableDesigns";

/**
 * A replica of both tables in another region (issue 17): each table becomes a global table (version
 * 2019.11.21) through the Table's `replicas` input, added in place to the existing table.
 */
export interface TableReplicaArgs {
    /** The recovery region, e.g. ap-south-2. */
    readonly region: string;
    /** A key in that region (ReplicaKeys.generalKeyArn); a key of another region cannot be used there. */
    readonly kmsKeyArn: pulumi.Input<string>;
}

/**
 * The replica settings. Point-in-time recovery on the replica too (a bad write replicates; the copy must
 * be restorable to before it on its own), its own deletion protection, and the table's tags.
 */
export function tableReplica(r: TableReplicaArgs, protect: boolean): aws.types.input.dynamodb.TableReplica {
    return { regionName: r.region, kmsKeyArn: r.kmsKeyArn, pointInTimeRecovery: true, deletionProtectionEnabled: protect, propagateTags: true };
}

export interface PaymentTablesArgs extends Pick<StackScope, "environment"> {
    /** The security module's general CMK (generalKeyArn): server-side encryption of both tables. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** cfg.dynamodb.pointInTimeRecovery (§4.1.3: prod). */
    readonly pointInTimeRecovery: boolean;
    /** cfg.protectStatefulResources: Pulumi protect and DynamoDB deletion protection (prod). */
    readonly protect: boolean;
    /** cfg.drReplication (prod): a replica of both tables there; unset, single-region tables. */
    readonly replica?: TableReplicaArgs;
}

/**
 * Global tables version 2019.11.21 replicate through DynamoDB Streams with new and old images; AWS
 * turns the stream on when a replica is added, so it is declared here, or the next preview would
 * show the stream as drift (Developer Guide, "Global tables: how it works"; terraform-provider-aws
 * `aws_dynamodb_table` documents `replica` with `stream_enabled = true` and NEW_AND_OLD_IMAGES).
 * Neither stream input nor `replicas` is ForceNew (tools/safety/forceNew.json): an in-place UpdateTable.
 */
export const REPLICATION_STREAM = { streamEnabled: true, streamViewType: "NEW_AND_OLD_IMAGES" } as const;

export class PaymentTables extends pulumi.ComponentResource {
    public readonly transactionsTableName: pulumi.Output<string>;
    public readonly transactionsTableArn: pulumi.Output<string>;
    public readonly queueTableName: pulumi.Output<string>;
    public readonly queueTableArn: pulumi.Output<string>;

    constructor(name: string, args: PaymentTablesArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:data:PaymentTables", name, {}, opts);

        const table = (suffix: string, tableName: string, design: TableDesign) => new aws.dynamodb.Table(`${name}-${suffix}`, {
            name: tableName,
            billingMode: "PAY_PER_REQUEST",
            hashKey: design.partitionKey,
            rangeKey: design.sortKey,
            attributes: keyAttributes(design),
            globalSecondaryIndexes: design.indexes.map((index) => ({
                name: index.name,
                keySchemas: indexKeySchema(index),
                projectionType: index.projection,
            })),
            serverSideEncryption: { enabled: true, kmsKeyArn: args.kmsKeyArn },
            pointInTimeRecovery: { enabled: args.pointInTimeRecovery },
            deletionProtectionEnabled: args.protect,
            ttl: design.ttlAttribute ? { enabled: true, attributeName: design.ttlAttribute } : undefined,
            ...(args.replica ? { ...REPLICATION_STREAM, replicas: [tableReplica(args.replica, args.protect)] } : {}),
        }, { parent: this, protect: args.protect });

        const transactions = table("transactions", names.transactionsTable(args.environment), TRANSACTIONS_TABLE);
        const queue = table("transaction-queue", names.transactionQueueTable(args.environment), TRANSACTION_QUEUE_TABLE);

        this.transactionsTableName = transactions.name;
        this.transactionsTableArn = transactions.arn;
        this.queueTableName = queue.name;
        this.queueTableArn = queue.arn;
        this.registerOutputs({
            transactionsTableName: this.transactionsTableName,
            transactionsTableArn: this.transactionsTableArn,
            queueTableName: this.queueTableName,
            queueTableArn: this.queueTableArn,
        });
    }
}
