/**
 * The DynamoDB tables of §4.1 and §7.1.1, built from the designs in tableDesigns.ts: on demand,
 * encrypted with the general CMK, point-in-time recovery per stack, protected in prod.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Environment, names } from "../config/names";
import { indexKeySchema, keyAttributes, TableDesign, TRANSACTION_QUEUE_TABLE, TRANSACTIONS_TABLE } from "./tableDesigns";

export interface PaymentTablesArgs {
    readonly environment: Environment;
    /** The security module's general CMK (generalKeyArn): server-side encryption of both tables. */
    readonly kmsKeyArn: pulumi.Input<string>;
    /** cfg.dynamodb.pointInTimeRecovery (§4.1.3: prod). */
    readonly pointInTimeRecovery: boolean;
    /** cfg.protectStatefulResources: Pulumi protect and DynamoDB deletion protection (prod). */
    readonly protect: boolean;
}

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
