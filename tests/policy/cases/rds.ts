import type { CaseTable } from "../support/cases";
import { rdsPrimary, rdsReplica } from "../support/compliant";
import { withInputs } from "../support/fixtures";

const primary = rdsPrimary();
const replica = rdsReplica();
const changed = (changes: Record<string, unknown>) => [withInputs(primary, changes)];

export const rdsCases: CaseTable = {
    "rds-2-no-public-access": {
        pass: [{ title: "the private primary", resources: [primary] }, { title: "publiclyAccessible unset (default false)", resources: changed({ publiclyAccessible: undefined }) }],
        fail: [{ title: "publiclyAccessible: true", resources: changed({ publiclyAccessible: true }), expect: /publiclyAccessible is true/ }],
    },
    "rds-3-storage-encrypted": {
        pass: [{ title: "encrypted primary and replica", resources: [primary, replica] }],
        fail: [
            { title: "storageEncrypted: false", resources: changed({ storageEncrypted: false }), expect: /storageEncrypted is not true/ },
            { title: "storageEncrypted unset (default false)", resources: changed({ storageEncrypted: undefined }), expect: /storageEncrypted/ },
        ],
    },
    "rds-5-multi-az": {
        pass: [{ title: "Multi-AZ primary", resources: [primary] }, { title: "a single-AZ read replica", resources: [replica] }],
        fail: [{ title: "single-AZ primary", resources: changed({ multiAz: false }), expect: /multiAz is not true/ }],
    },
    "rds-6-enhanced-monitoring": {
        pass: [{ title: "60-second enhanced monitoring", resources: [primary, replica] }],
        fail: [
            { title: "monitoringInterval: 0", resources: changed({ monitoringInterval: 0 }), expect: /monitoringInterval/ },
            { title: "monitoringInterval unset", resources: changed({ monitoringInterval: undefined }), expect: /monitoringInterval/ },
        ],
    },
    "rds-8-deletion-protection": {
        pass: [{ title: "protected primary and replica", resources: [primary, replica] }],
        fail: [
            { title: "deletionProtection: false", resources: changed({ deletionProtection: false }), expect: /deletionProtection is not true/ },
            { title: "unprotected replica", resources: [withInputs(replica, { deletionProtection: false })], expect: /deletionProtection/ },
        ],
    },
    "rds-9-logs-exported": {
        pass: [{ title: "postgresql and upgrade logs exported", resources: [primary, replica] }],
        fail: [
            { title: "no exports", resources: changed({ enabledCloudwatchLogsExports: [] }), expect: /lacks postgresql, upgrade/ },
            { title: "upgrade log missing", resources: changed({ enabledCloudwatchLogsExports: ["postgresql"] }), expect: /lacks upgrade/ },
            { title: "a replica exporting nothing", resources: [withInputs(replica, { enabledCloudwatchLogsExports: undefined })], expect: /lacks any log/ },
        ],
    },
    "rds-11-automatic-backups": {
        pass: [{ title: "35 days (prod)", resources: [primary] }, { title: "7 days (dev)", resources: changed({ backupRetentionPeriod: 7 }) }, { title: "a replica (backups are the primary's)", resources: [replica] }],
        fail: [
            { title: "backups off", resources: changed({ backupRetentionPeriod: 0 }), expect: /backupRetentionPeriod is 0/ },
            { title: "under 7 days", resources: changed({ backupRetentionPeriod: 3 }), expect: /at least 7 days/ },
        ],
    },
    "rds-13-auto-minor-version-upgrade": {
        pass: [{ title: "explicitly on", resources: [primary] }, { title: "unset (provider default true)", resources: changed({ autoMinorVersionUpgrade: undefined }) }],
        fail: [{ title: "autoMinorVersionUpgrade: false", resources: changed({ autoMinorVersionUpgrade: false }), expect: /autoMinorVersionUpgrade is false/ }],
    },
    "rds-17-copy-tags-to-snapshots": {
        pass: [{ title: "copyTagsToSnapshot: true", resources: [primary, replica] }],
        fail: [{ title: "unset (default false)", resources: changed({ copyTagsToSnapshot: undefined }), expect: /copyTagsToSnapshot is not true/ }],
    },
};
