/**
 * The internet-facing ALB `<env>-internal-pe-alb` (§11) in the public subnets (§3.1.1) behind the ALB
 * security group (§3.1.2): HTTPS on 443 with a TLS 1.2+ policy, 80 only redirecting to HTTPS, one
 * `ip` target group per service, the portal routed by host or path (routing.ts), access logs, and the
 * WAF web ACL when one is given (prod).
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { names, ServiceName, SERVICES, StackScope } from "../config/names";
import { PrivateBucket, ServerAccessLogging } from "../security/privateBucket";
import { albAccessLogBucketArgs, FORMER_ACCESS_LOG_BUCKET_TYPE } from "./accessLogBucket";
import { DEFAULT_SERVICE, HTTPS_REDIRECT, PORTAL_RULE_PRIORITY, portalRuleCondition, targetGroupSpec } from "./routing";
import type { AlbRouting } from "../config/albRouting";

export interface PublicLoadBalancerArgs extends Pick<StackScope, "environment" | "deployment"> {
    /** cfg.account.id: the access log bucket's name and grant. */
    readonly accountId: string;
    /** cfg.account.region: the access log delivery principal. */
    readonly region: string;
    /** cfg.protectStatefulResources: deletion protection on the ALB, protect on it and its log bucket. */
    readonly protect: boolean;
    /** network.vpcId */
    readonly vpcId: pulumi.Input<string>;
    /** network.publicSubnetIds (§3.1.1: one per AZ). */
    readonly publicSubnetIds: pulumi.Input<string>[];
    /** securityGroups.albSecurityGroupId (§3.1.2). */
    readonly securityGroupId: pulumi.Input<string>;
    /** cfg.alb.certificateArn */
    readonly certificateArn: string;
    /** cfg.alb.sslPolicy */
    readonly sslPolicy: string;
    /** cfg.alb.desyncMitigationMode */
    readonly desyncMitigationMode: "defensive" | "strictest";
    /** cfg.alb.routing */
    readonly routing: AlbRouting;
    /** cfg.alb.accessLogRetentionDays */
    readonly accessLogRetentionDays: number;
    /** The stack's S3 server access log bucket: the access log bucket's own access is logged there. */
    readonly serverAccessLogging: ServerAccessLogging;
    /** guardrails.webAclArn when the WAF is on (prod, staging); undefined: no association. */
    readonly webAclArn?: pulumi.Input<string>;
}

export const ACCESS_LOG_PREFIX = "alb";

/** Short enough for the provider's auto-name to fit AWS's 32 characters (+ "-" + 7 random). */
export const targetGroupLogicalName = (service: ServiceName) => `${service}-tg`;

export class PublicLoadBalancer extends pulumi.ComponentResource {
    public readonly albArn: pulumi.Output<string>;
    /** `app/<name>/<id>`: the LoadBalancer dimension of CloudWatch metrics. */
    public readonly albArnSuffix: pulumi.Output<string>;
    public readonly albDnsName: pulumi.Output<string>;
    public readonly albZoneId: pulumi.Output<string>;
    /** Resolve once the listeners route to them: ECS refuses a target group no load balancer uses. */
    public readonly targetGroupArns: Record<ServiceName, pulumi.Output<string>>;
    /** `targetgroup/<name>/<id>`: the TargetGroup dimension of CloudWatch metrics. */
    public readonly targetGroupArnSuffixes: Record<ServiceName, pulumi.Output<string>>;
    public readonly httpsListenerArn: pulumi.Output<string>;
    public readonly accessLogBucketName: pulumi.Output<string>;

    constructor(name: string, args: PublicLoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
        super("fivestar:compute:PublicLoadBalancer", name, {}, opts);
        const parent = { parent: this };
        const env = args.environment;

        const logs = new PrivateBucket(`${name}-access-logs`, albAccessLogBucketArgs({
            environment: args.deployment ?? env,
            accountId: args.accountId,
            region: args.region,
            prefix: ACCESS_LOG_PREFIX,
            retentionDays: args.accessLogRetentionDays,
            protect: args.protect,
            serverAccessLogging: args.serverAccessLogging,
        }), { parent: this, aliases: [{ type: FORMER_ACCESS_LOG_BUCKET_TYPE }] });

        const alb = new aws.lb.LoadBalancer(name, {
            name: names.loadBalancer(env),
            loadBalancerType: "application",
            internal: false,
            ipAddressType: "ipv4",
            subnets: args.publicSubnetIds,
            securityGroups: [args.securityGroupId],
            dropInvalidHeaderFields: true,
            desyncMitigationMode: args.desyncMitigationMode,
            enableDeletionProtection: args.protect,
            enableHttp2: true,
            idleTimeout: 60,
            accessLogs: { bucket: logs.bucketName, prefix: ACCESS_LOG_PREFIX, enabled: true },
            tags: { Name: names.loadBalancer(env) },
        }, { parent: this, protect: args.protect });

        const targetGroups = Object.fromEntries(SERVICES.map((service) => {
            const spec = targetGroupSpec(service);
            // No fixed name: a target group change that forces replacement must not collide with the old one,
            // so the provider names it `<logical name>-<7 random>` (new random on every replacement). AWS
            // allows 32 characters, hence a short logical name ("customer-portal-tg-xxxxxxx" is 26); the
            // offline plan's auto-naming check keeps it that way. The alias keeps the first name's URN.
            const group = new aws.lb.TargetGroup(targetGroupLogicalName(service), {
                vpcId: args.vpcId,
                port: spec.port,
                protocol: spec.protocol,
                targetType: spec.targetType,
                deregistrationDelay: spec.deregistrationDelay,
                healthCheck: { ...spec.healthCheck },
                tags: { Name: `${env}-${service}`, Service: service },
            }, { parent: this, aliases: [{ name: `${name}-${service}` }] });
            return [service, group];
        })) as Record<ServiceName, aws.lb.TargetGroup>;

        const https = new aws.lb.Listener(`${name}-https`, {
            loadBalancerArn: alb.arn,
            port: 443,
            protocol: "HTTPS",
            sslPolicy: args.sslPolicy,
            certificateArn: args.certificateArn,
            defaultActions: [{ type: "forward", targetGroupArn: targetGroups[DEFAULT_SERVICE].arn }],
        }, parent);
        new aws.lb.Listener(`${name}-http`, {
            loadBalancerArn: alb.arn,
            port: 80,
            protocol: "HTTP",
            defaultActions: [{ type: HTTPS_REDIRECT.type, redirect: { ...HTTPS_REDIRECT.redirect } }],
        }, parent);
        const portalRule = new aws.lb.ListenerRule(`${name}-customer-portal-route`, {
            listenerArn: https.arn,
            priority: PORTAL_RULE_PRIORITY,
            conditions: [portalRuleCondition(args.routing)],
            actions: [{ type: "forward", targetGroupArn: targetGroups["customer-portal"].arn }],
        }, parent);

        if (args.webAclArn !== undefined) {
            new aws.wafv2.WebAclAssociation(`${name}-waf`, { resourceArn: alb.arn, webAclArn: args.webAclArn }, parent);
        }

        const routed: Record<ServiceName, pulumi.Output<unknown>> = { "internal-pe": https.arn, "customer-portal": portalRule.arn };
        this.targetGroupArns = Object.fromEntries(SERVICES.map((s) =>
            [s, pulumi.all([targetGroups[s].arn, routed[s]]).apply(([arn]) => arn)])) as Record<ServiceName, pulumi.Output<string>>;
        this.targetGroupArnSuffixes = Object.fromEntries(SERVICES.map((s) => [s, targetGroups[s].arnSuffix])) as Record<ServiceName, pulumi.Output<string>>;
        this.albArn = alb.arn;
        this.albArnSuffix = alb.arnSuffix;
        this.albDnsName = alb.dnsName;
        this.albZoneId = alb.zoneId;
        this.httpsListenerArn = https.arn;
        this.accessLogBucketName = logs.bucketName;
        this.registerOutputs({
            albArn: this.albArn,
            albArnSuffix: this.albArnSuffix,
            albDnsName: this.albDnsName,
            targetGroupArns: this.targetGroupArns,
            targetGroupArnSuffixes: this.targetGroupArnSuffixes,
            httpsListenerArn: this.httpsListenerArn,
        });
    }
}
