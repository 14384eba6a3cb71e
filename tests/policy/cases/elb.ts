import type { CaseTable } from "../support/cases";
import { alb, albBundle, httpRedirectListener, httpsListener, wafAssociationOf } from "../support/compliant";
import { withInputs } from "../support/fixtures";

const lb = alb();
const nlb = withInputs(alb(), { loadBalancerType: "network", dropInvalidHeaderFields: undefined, accessLogs: undefined, desyncMitigationMode: undefined });
const changedLb = (changes: Record<string, unknown>) => [withInputs(lb, changes)];
const forward = [{ type: "forward", targetGroupArn: "arn:aws:elasticloadbalancing:ap-south-1:123456789014:targetgroup/internal-pe/1" }];

export const elbCases: CaseTable = {
    "elb-1-http-redirects-to-https": {
        pass: [{ title: "HTTP:80 redirects to HTTPS", resources: [httpRedirectListener()] }, { title: "an HTTPS listener (not this rule's)", resources: [httpsListener()] }],
        fail: [
            { title: "HTTP forwarding to the targets", resources: [withInputs(httpRedirectListener(), { defaultActions: forward })], expect: /does not redirect every request to HTTPS \(default actions: forward\)/ },
            { title: "a redirect to another HTTP URL", resources: [withInputs(httpRedirectListener(), { defaultActions: [{ type: "redirect", redirect: { protocol: "HTTP", port: "8080", statusCode: "HTTP_302" } }] })], expect: /redirect/ },
            { title: "protocol unset (ALB default HTTP) forwarding", resources: [withInputs(httpsListener(), { protocol: undefined, sslPolicy: undefined })], expect: /HTTP listener on port 443/ },
        ],
    },
    "elb-4-drop-invalid-headers": {
        pass: [{ title: "dropInvalidHeaderFields: true", resources: [lb] }, { title: "a network load balancer (no HTTP headers)", resources: [nlb] }],
        fail: [{ title: "unset (default false)", resources: changedLb({ dropInvalidHeaderFields: undefined }), expect: /dropInvalidHeaderFields is not true/ }],
    },
    "elb-5-access-logs": {
        pass: [{ title: "access logs to S3", resources: [lb] }],
        fail: [
            { title: "no accessLogs", resources: changedLb({ accessLogs: undefined }), expect: /access logs are off/ },
            { title: "accessLogs disabled", resources: changedLb({ accessLogs: { bucket: "logs", enabled: false } }), expect: /access logs are off/ },
        ],
    },
    "elb-6-deletion-protection": {
        pass: [{ title: "enableDeletionProtection: true", resources: [lb] }],
        fail: [{ title: "unset (default false)", resources: changedLb({ enableDeletionProtection: undefined }), expect: /enableDeletionProtection is not true/ }],
    },
    "elb-12-desync-mitigation": {
        pass: [{ title: "defensive", resources: [lb] }, { title: "strictest", resources: changedLb({ desyncMitigationMode: "strictest" }) }, { title: "unset (AWS default defensive)", resources: changedLb({ desyncMitigationMode: undefined }) }],
        fail: [{ title: "monitor", resources: changedLb({ desyncMitigationMode: "monitor" }), expect: /desyncMitigationMode is "monitor"/ }],
    },
    "elb-13-multiple-azs": {
        pass: [{ title: "two public subnets", resources: [lb] }, { title: "two subnet mappings", resources: changedLb({ subnets: undefined, subnetMappings: [{ subnetId: "a" }, { subnetId: "b" }] }) }],
        fail: [{ title: "one subnet", resources: changedLb({ subnets: ["network-public-a-id"] }), expect: /in 1 subnet/ }],
    },
    "elb-16-waf-web-acl": {
        pass: [{ title: "the ALB with its WAF association", resources: albBundle() }, { title: "a network load balancer without WAF (WAF is for ALBs)", resources: [nlb] }],
        fail: [
            { title: "an ALB without association", resources: [lb], expect: /ALB compute-alb has no WAF web ACL/ },
            { title: "the association belongs to another ALB", resources: [lb, wafAssociationOf({ ...lb, urn: "urn:other-alb", name: "other-alb" })], expect: /compute-alb has no WAF/ },
        ],
    },
    "elb-17-recommended-tls-policy": {
        pass: [
            { title: "TLS13-1-2-2021-06", resources: [httpsListener()] },
            { title: "a post-quantum TLS 1.3 policy", resources: [withInputs(httpsListener(), { sslPolicy: "ELBSecurityPolicy-TLS13-1-2-Res-PQ-2025-09" })] },
            { title: "the HTTP redirect (no TLS)", resources: [httpRedirectListener()] },
        ],
        fail: [
            { title: "the 2016 default policy", resources: [withInputs(httpsListener(), { sslPolicy: "ELBSecurityPolicy-2016-08" })], expect: /sslPolicy is "ELBSecurityPolicy-2016-08"/ },
            { title: "a TLS 1.3 policy that still accepts TLS 1.0", resources: [withInputs(httpsListener(), { sslPolicy: "ELBSecurityPolicy-TLS13-1-0-2021-06" })], expect: /TLS13-1-0/ },
            { title: "sslPolicy unset", resources: [withInputs(httpsListener(), { sslPolicy: undefined })], expect: /unset \(AWS applies ELBSecurityPolicy-2016-08/ },
        ],
    },
    "elb-18-secure-listener-protocol": {
        pass: [{ title: "HTTPS", resources: [httpsListener()] }, { title: "the HTTP redirect (ELB.1's)", resources: [httpRedirectListener()] }, { title: "TLS on a network load balancer", resources: [withInputs(httpsListener(), { protocol: "TLS" })] }],
        fail: [
            { title: "TCP on a network load balancer", resources: [withInputs(httpsListener(), { protocol: "TCP", sslPolicy: undefined, certificateArn: undefined })], expect: /listener protocol is TCP/ },
            { title: "UDP", resources: [withInputs(httpsListener(), { protocol: "UDP" })], expect: /listener protocol is UDP/ },
        ],
    },
};
