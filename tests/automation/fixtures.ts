/**
 * Small hand-built plans for the delivery tool's tests, with the real resource types and the URN
 * shapes Pulumi gives them (parent types chained with `$`).
 */
import { PlannedResource } from "../../automation/phases";

export const STACK_PREFIX = "urn:pulumi:prod::fivestar-payments::";

export interface Node extends PlannedResource {
    readonly type: string;
    readonly name: string;
}

/** A resource `name` of `type` under `parent` (a Node or nothing), with provider and dependencies. */
export function node(type: string, name: string, parent?: Node, options: { provider?: Node; deps?: Node[] } = {}): Node {
    const chain = parent ? `${parent.urn.split("::")[2]}$${type}` : type;
    return {
        urn: `${STACK_PREFIX}${chain}::${name}`,
        type,
        name,
        parent: parent?.urn ?? "",
        provider: options.provider ? `${options.provider.urn}::04da6b54-80e4-46f7-96ec-b56ff0331ba9` : "",
        dependencies: (options.deps ?? []).map((d) => d.urn),
    };
}

/** A miniature of the real program: provider, one component per module, a forward dependency. */
export function miniProgram() {
    const provider = node("pulumi:providers:aws", "deployment-account");
    const network = node("fivestar:network:Network", "network");
    const vpc = node("aws:ec2/vpc:Vpc", "network-vpc", network, { provider });
    const subnet = node("aws:ec2/subnet:Subnet", "network-db-a", network, { provider, deps: [vpc] });
    const subnetGroup = node("aws:rds/subnetGroup:SubnetGroup", "network-db-subnets", network, { provider, deps: [subnet] });
    const security = node("fivestar:security:SecurityGroups", "security-groups");
    const rdsSg = node("aws:ec2/securityGroup:SecurityGroup", "security-groups-rds", security, { provider, deps: [vpc] });
    const logs = node("fivestar:monitoring:LogGroups", "logs");
    const dbLog = node("aws:cloudwatch/logGroup:LogGroup", "logs-prod-fivestar-payments-db-postgresql", logs, { provider });
    const serviceLog = node("aws:cloudwatch/logGroup:LogGroup", "logs-internal-pe", logs, { provider });
    const data = node("fivestar:data:Database", "database");
    // §8.1.1: the RDS instance depends on its log group, which the monitoring module owns.
    const primary = node("aws:rds/instance:Instance", "database-primary", data, { provider, deps: [subnetGroup, rdsSg, dbLog] });
    const compute = node("fivestar:compute:FargateService", "internal-pe");
    const taskDef = node("aws:ecs/taskDefinition:TaskDefinition", "internal-pe-task", compute, { provider, deps: [serviceLog] });
    const service = node("aws:ecs/service:Service", "internal-pe-service", compute, { provider, deps: [taskDef] });
    const alarms = node("fivestar:monitoring:Alarms", "alarms");
    const alarm = node("aws:cloudwatch/metricAlarm:MetricAlarm", "alarms-internal-pe-cpu", alarms, { provider, deps: [service] });
    const all = [provider, network, vpc, subnet, subnetGroup, security, rdsSg, logs, dbLog, serviceLog, data, primary, compute, taskDef, service, alarms, alarm];
    return { provider, network, vpc, subnet, subnetGroup, security, rdsSg, logs, dbLog, serviceLog, data, primary, compute, taskDef, service, alarms, alarm, all };
}
