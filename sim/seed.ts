import { REQUIRED_PERMISSION_NAMES } from "../lib/microsoft/permissions";
import type { Seed } from "./model";
import { GODADDY_APP, GODADDY_MAILBOX, GODADDY_TENANT } from "./providers";
import { AGENTS_GROUP, agentRoleAssignments, APPS, DAY, MAILBOXES, SERVICE_PRINCIPAL_OBJECT_IDS, TENANTS, type AppSeed } from "./scenarios";
import { keyCredentialOf, scenarioCertificates } from "./certificates";
import { VENDOR_APP, VENDOR_HOME_TENANT, vendorAppCertificate } from "./vendor-app";

/** The seeded tenants, app registrations and mailboxes behind the scenarios in ./scenarios. */

function appSeed(a: AppSeed, tenantId: string, overrides: Partial<Seed["apps"][number]> = {}): Seed["apps"][number] {
  return {
    clientId: a.clientId,
    tenantId,
    displayName: a.name,
    secrets: [{ keyId: a.secretId, value: a.secret, displayName: "CRM sync", expiresAt: new Date(Date.now() + 540 * DAY).toISOString() }],
    roles: [...REQUIRED_PERMISSION_NAMES],
    disabled: false,
    conditionalAccessBlocked: false,
    accessPolicyMailboxes: null,
    tokenErrorCode: null,
    keyCredentials: [],
    ...overrides,
  };
}

function mailboxSeed(address: string, tenantId: string, overrides: Partial<Seed["mailboxes"][number]> = {}): Seed["mailboxes"][number] {
  return { address, tenantId, displayName: address.split("@")[0]!, state: "active", failDeletes: false, throttled: false, sendBlocked: false, ...overrides };
}

/** The world every simulator starts from (and `reset` returns to). */
export function scenarioSeed(): Seed {
  const { harbor, summit, liberty, coastal, lakeside } = TENANTS;
  return {
    tenants: [
      { ...harbor, domains: [...harbor.domains], cloud: "public", outage: false },
      { ...summit, domains: [...summit.domains], cloud: "public", outage: false },
      { ...liberty, domains: [...liberty.domains], cloud: "us-government", outage: false },
      { ...coastal, domains: [...coastal.domains], cloud: "public", outage: true },
      { ...lakeside, domains: [...lakeside.domains], cloud: "public", outage: false, noExchange: true },
      { ...VENDOR_HOME_TENANT, domains: [...VENDOR_HOME_TENANT.domains], cloud: "public", outage: false },
      {
        ...GODADDY_TENANT,
        domains: [...GODADDY_TENANT.domains],
        cloud: "public",
        outage: false,
        federation: { ...GODADDY_TENANT.federation, domains: [...GODADDY_TENANT.federation.domains] },
      },
    ],
    apps: [
      appSeed(APPS.sync, harbor.id),
      appSeed(APPS.broad, harbor.id, { roles: [...REQUIRED_PERMISSION_NAMES, "Mail.ReadWrite", "User.Read.All"] }),
      appSeed(APPS.unconsented, harbor.id, { roles: [] }),
      appSeed(APPS.noMailSend, harbor.id, { roles: ["Calendars.ReadWrite", "Contacts.ReadWrite"] }),
      appSeed(APPS.expired, harbor.id, {
        secrets: [{ keyId: APPS.expired.secretId, value: APPS.expired.secret, displayName: "CRM sync", expiresAt: new Date(Date.now() - 20 * DAY).toISOString() }],
      }),
      appSeed(APPS.disabled, harbor.id, { disabled: true }),
      appSeed(APPS.blocked, harbor.id, { conditionalAccessBlocked: true }),
      appSeed(APPS.scoped, harbor.id, { accessPolicyMailboxes: [MAILBOXES.agent] }),
      appSeed(APPS.broken, harbor.id, { tokenErrorCode: 9002999 }),
      appSeed(APPS.noEnterpriseApp, harbor.id, { tokenErrorCode: 7000229 }),
      appSeed(APPS.lapsed, harbor.id, { tokenErrorCode: 500014 }),
      appSeed(APPS.lakeside, lakeside.id),
      appSeed(APPS.liberty, liberty.id),
      appSeed(APPS.coastal, coastal.id),
      appSeed(GODADDY_APP, GODADDY_TENANT.id),
      appSeed(APPS.rbac, harbor.id, { roles: [] }),
      appSeed(APPS.rbacConsented, harbor.id),
      appSeed(APPS.rbacUnassigned, harbor.id, { roles: [] }),
      appSeed(APPS.certificate, harbor.id, { keyCredentials: [keyCredentialOf(scenarioCertificates().uploaded.certificatePem, "CRM sync")] }),
      {
        clientId: VENDOR_APP.clientId,
        tenantId: VENDOR_HOME_TENANT.id,
        displayName: VENDOR_APP.name,
        secrets: [],
        keyCredentials: [keyCredentialOf(vendorAppCertificate().certificatePem, "Vendor sync")],
        roles: [],
        disabled: false,
        conditionalAccessBlocked: false,
        accessPolicyMailboxes: null,
        tokenErrorCode: null,
        multiTenant: true,
      },
      appSeed(APPS.certificateExpired, harbor.id, { keyCredentials: [keyCredentialOf(scenarioCertificates().expired.certificatePem, "CRM sync")] }),
    ],
    mailboxes: [
      mailboxSeed(MAILBOXES.agent, harbor.id),
      mailboxSeed(MAILBOXES.frontDesk, harbor.id),
      mailboxSeed(MAILBOXES.newHire, harbor.id, { state: "unlicensed" }),
      mailboxSeed(MAILBOXES.onPremises, harbor.id, { state: "on-premises" }),
      mailboxSeed(MAILBOXES.listings, harbor.id, { failDeletes: true }),
      mailboxSeed(MAILBOXES.busy, harbor.id, { throttled: true }),
      mailboxSeed(MAILBOXES.noSend, harbor.id, { sendBlocked: true }),
      mailboxSeed(MAILBOXES.summitAgent, summit.id),
      mailboxSeed(MAILBOXES.liberty, liberty.id),
      mailboxSeed(MAILBOXES.coastal, coastal.id),
      mailboxSeed(MAILBOXES.lakeside, lakeside.id),
      mailboxSeed(GODADDY_MAILBOX, GODADDY_TENANT.id),
    ],
    // Lakeside's administrator consented once, then disabled the enterprise application.
    consents: [{ tenantId: lakeside.id, clientId: VENDOR_APP.clientId, roles: [...REQUIRED_PERMISSION_NAMES], grantedBy: "admin@lakeside.example", grantedAt: 0, disabled: true }],
    exchange: {
      groups: [{ address: AGENTS_GROUP.address, tenantId: harbor.id, displayName: AGENTS_GROUP.displayName, members: [MAILBOXES.agent, MAILBOXES.listings] }],
      servicePrincipals: [APPS.rbac, APPS.rbacConsented, APPS.rbacUnassigned].map((a) => ({
        appId: a.clientId,
        objectId: SERVICE_PRINCIPAL_OBJECT_IDS[a.clientId]!,
        displayName: a.name,
      })),
      scopes: [{ name: AGENTS_GROUP.scope, tenantId: harbor.id, memberOfGroup: AGENTS_GROUP.address }],
      assignments: [...agentRoleAssignments(APPS.rbac), ...agentRoleAssignments(APPS.rbacConsented)],
    },
  };
}
