import { sql } from "drizzle-orm";
import { ACCESS_SCOPES } from "../validation/access-scope";
import { CREDENTIAL_METHODS } from "../validation/credential-method";
import {
  bigint,
  bigserial,
  boolean,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => "bytea",
});

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();

/** Where a brokerage stands on the way to a working sync (the onboarding pipeline). */
export const brokerageStage = pgEnum("brokerage_stage", [
  "new",
  "invited",
  "opened",
  "submitted",
  "verified",
  "failed",
  "approved",
  "expired",
  // Approved credentials a CSM took back: not the same as a secret or links running out.
  "revoked",
]);

/** The guide branch a brokerage's email domain leads to (lib/providers/describe.ts), as last detected. */
export const emailProviderBranch = pgEnum("email_provider_branch", ["microsoft", "godaddy", "google-workspace", "other", "unknown"]);

export const brokerages = pgTable(
  "brokerages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    emailDomain: text("email_domain"),
    csmId: text("csm_id"),
    stage: brokerageStage("stage").notNull().default("new"),
    stageChangedAt: timestamp("stage_changed_at", { withTimezone: true }).notNull().defaultNow(),
    /** Shown and filtered on by staff; refreshed whenever the provider is detected, and by an hourly sweep. */
    emailProvider: emailProviderBranch("email_provider"),
    emailProviderCheckedAt: timestamp("email_provider_checked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("brokerages_name_key").on(sql`lower(${t.name})`),
    index("brokerages_stage_idx").on(t.stage, t.stageChangedAt),
    index("brokerages_csm_idx").on(t.csmId),
    // Word-prefix search by name in the review queues (lib/review/search.ts builds the query).
    index("brokerages_name_search_idx").using("gin", sql`to_tsvector('simple', ${t.name})`),
  ],
);

export const invites = pgTable(
  "invites",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    /** SHA-256 of the 256-bit token; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    recipientEmail: text("recipient_email").notNull(),
    recipientName: text("recipient_name"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastSentAt: timestamp("last_sent_at", { withTimezone: true }),
    createdBy: text("created_by"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invites_token_hash_key").on(t.tokenHash), index("invites_brokerage_idx").on(t.brokerageId)],
);

export const attemptStatus = pgEnum("attempt_status", [
  "verifying",
  "verified",
  "failed",
  "inconclusive",
  "approved",
  "superseded",
]);

export const accessScope = pgEnum("access_scope", ACCESS_SCOPES);

/** How a brokerage's app signs in (DESIGN §9). */
export const credentialMethod = pgEnum("credential_method", CREDENTIAL_METHODS);

export const submissionAttempts = pgTable(
  "submission_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    /** One attempt per form submission, however often it is posted. */
    idempotencyKey: text("idempotency_key").notNull(),
    tenantId: text("tenant_id").notNull(),
    clientId: text("client_id").notNull(),
    testMailbox: text("test_mailbox").notNull(),
    secretExpiresOn: date("secret_expires_on", { mode: "string" }).notNull(),
    sendTestMessage: boolean("send_test_message").notNull().default(true),
    /** DESIGN §9: the whole organisation, or Exchange RBAC for Applications on a group of agents. */
    accessScope: accessScope("access_scope").notNull().default("organization"),
    /** A mailbox that must stay outside the app's scope (`scope.outside` probes it); null when none was given. */
    outsideMailbox: text("outside_mailbox"),
    submitterName: text("submitter_name").notNull(),
    submitterEmail: text("submitter_email").notNull(),
    submitterPhone: text("submitter_phone"),
    credentialMethod: credentialMethod("credential_method").notNull().default("client-secret"),
    /**
     * The sealed credential, AES-256-GCM: nonce || ciphertext || tag; null once destroyed.
     * The client secret, or with a certificate its private key (PKCS#8 PEM): one set of
     * columns, so destroying, revoking and key rotation treat both alike.
     */
    secretCiphertext: bytea("secret_ciphertext"),
    secretKeyId: text("secret_key_id"),
    /** First three characters, as the Azure portal shows them. */
    secretHint: text("secret_hint").notNull(),
    secretDestroyedAt: timestamp("secret_destroyed_at", { withTimezone: true }),
    /** The `certificate` method: SHA-256 thumbprint (lower-case hex), expiry and the public certificate (DER). */
    certificateThumbprint: text("certificate_thumbprint"),
    certificateNotAfter: timestamp("certificate_not_after", { withTimezone: true }),
    certificateDer: bytea("certificate_der"),
    status: attemptStatus("status").notNull().default("verifying"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("submission_attempts_number_key").on(t.brokerageId, t.number),
    uniqueIndex("submission_attempts_idempotency_key").on(t.idempotencyKey),
    // Keyset pagination of the review queues: (status, created_at, id).
    index("submission_attempts_status_idx").on(t.status, t.createdAt, t.id),
    // Active credentials by expiry date (approved = active; see credential_approvals).
    index("submission_attempts_approved_expiry_idx").on(t.secretExpiresOn).where(sql`${t.status} = 'approved'`),
  ],
);

/**
 * The certificate the portal made for a brokerage to upload before submitting: one
 * current per brokerage. Submitting copies it onto the attempt (the private key
 * re-sealed for that attempt); a newer certificate destroys this one's private key.
 */
export const brokerageCertificates = pgTable(
  "brokerage_certificates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    thumbprint: text("thumbprint").notNull(),
    notBefore: timestamp("not_before", { withTimezone: true }).notNull(),
    notAfter: timestamp("not_after", { withTimezone: true }).notNull(),
    certificateDer: bytea("certificate_der").notNull(),
    /** The private key (PKCS#8 PEM) sealed like a secret, bound to this row; null once destroyed. */
    privateKeyCiphertext: bytea("private_key_ciphertext"),
    privateKeyKeyId: text("private_key_key_id"),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("brokerage_certificates_current_key").on(t.brokerageId).where(sql`${t.supersededAt} is null`),
    index("brokerage_certificates_brokerage_idx").on(t.brokerageId, t.createdAt),
  ],
);

export const runTrigger = pgEnum("run_trigger", ["submit", "early-check", "recheck", "scheduled"]);
export const runOutcome = pgEnum("run_outcome", ["running", "verified", "failed", "inconclusive"]);

export const verificationRuns = pgTable(
  "verification_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => submissionAttempts.id, { onDelete: "cascade" }),
    trigger: runTrigger("trigger").notNull(),
    triggeredBy: text("triggered_by"),
    outcome: runOutcome("outcome").notNull().default("running"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    durationMs: integer("duration_ms"),
  },
  (t) => [index("verification_runs_attempt_idx").on(t.attemptId, t.startedAt)],
);

/** The contract statuses of DESIGN §4, plus the two a live run passes through. */
export const checkStatus = pgEnum("check_status", ["pending", "running", "pass", "warn", "fail", "skipped", "error"]);

export const checkResults = pgTable(
  "check_results",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    runId: uuid("run_id")
      .notNull()
      .references(() => verificationRuns.id, { onDelete: "cascade" }),
    checkId: text("check_id").notNull(),
    status: checkStatus("status").notNull().default("pending"),
    reason: text("reason"),
    title: text("title").notNull(),
    detail: text("detail"),
    guideAnchor: text("guide_anchor"),
    microsoftCode: text("microsoft_code"),
    microsoftRequestId: text("microsoft_request_id"),
    microsoftTimestamp: text("microsoft_timestamp"),
    durationMs: integer("duration_ms"),
    data: jsonb("data"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("check_results_run_check_key").on(t.runId, t.checkId)],
);

export const actorType = pgEnum("actor_type", ["staff", "brokerage", "system", "api"]);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorType: actorType("actor_type").notNull(),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    subjectType: text("subject_type"),
    subjectId: text("subject_id"),
    brokerageId: uuid("brokerage_id"),
    ip: text("ip"),
    userAgent: text("user_agent"),
    detail: jsonb("detail"),
  },
  (t) => [index("audit_events_at_idx").on(t.at), index("audit_events_brokerage_idx").on(t.brokerageId, t.at)],
);

export const notes = pgTable(
  "notes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    authorId: text("author_id"),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("notes_brokerage_idx").on(t.brokerageId, t.createdAt)],
);

export const messageStatus = pgEnum("message_status", ["queued", "sent", "failed", "outbox"]);

/** Every email the portal composes; with no SMTP_URL they stay here as the staff outbox. */
export const outgoingMessages = pgTable(
  "outgoing_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    toAddress: text("to_address"),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    brokerageId: uuid("brokerage_id"),
    status: messageStatus("status").notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** The invite whose link the message carries; the bodies hold it masked (lib/email/invite-link.ts). */
    inviteId: uuid("invite_id"),
    /** The link, sealed, only while the message waits for the mail server; cleared once sent, failed or left to staff. */
    linkCiphertext: bytea("link_ciphertext"),
    linkKeyId: text("link_key_id"),
    createdAt: createdAt(),
  },
  (t) => [index("outgoing_messages_created_idx").on(t.createdAt)],
);

/** "This screen looks different" reports from the guide. */
export const screenReports = pgTable(
  "screen_reports",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    step: text("step").notNull(),
    browser: text("browser"),
    body: text("body").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("screen_reports_created_idx").on(t.createdAt)],
);

/** A brokerage administrator's session, opened by redeeming an invite link (DESIGN §7). */
export const brokerageSessions = pgTable(
  "brokerage_sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SHA-256 of the cookie value; the value itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    inviteId: uuid("invite_id")
      .notNull()
      .references(() => invites.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("brokerage_sessions_token_hash_key").on(t.tokenHash)],
);

/**
 * One "Connect with Microsoft" round trip (the `vendor-app` method, DESIGN §9): the
 * `state` sent to Microsoft's admin-consent endpoint, bound to the brokerage session
 * that started it, single use and short-lived; then what Microsoft answered. Only the
 * state's SHA-256 is kept. A consented tenant waits here for the test mailbox.
 */
export const vendorConsents = pgTable(
  "vendor_consents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    stateHash: text("state_hash").notNull(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => brokerageSessions.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    /** When the callback used the state; a second use is refused. */
    usedAt: timestamp("used_at", { withTimezone: true }),
    /** "consented", or the consent reason (lib/submissions/vendor-consent-reasons.ts). */
    outcome: text("outcome"),
    /** Microsoft's AADSTS code or error, for support; never its description text. */
    microsoftCode: text("microsoft_code"),
    /** The tenant that granted consent. */
    tenantId: text("tenant_id"),
    /** The attempt made from this consent, once the test mailbox was sent. */
    attemptId: uuid("attempt_id").references(() => submissionAttempts.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("vendor_consents_state_hash_key").on(t.stateHash), index("vendor_consents_brokerage_idx").on(t.brokerageId, t.createdAt)],
);

/**
 * A CSM's approval of an attempt: while not ended, its attempt holds the brokerage's
 * active credentials (the ones the sync service reads). Ended by a newer approval
 * (rotation) or by revocation; the history stays for the detail page.
 */
export const approvalEndReason = pgEnum("approval_end_reason", ["rotated", "revoked"]);

export const credentialApprovals = pgTable(
  "credential_approvals",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => submissionAttempts.id, { onDelete: "cascade" }),
    /** The verified run the approval relied on. */
    runId: uuid("run_id").references(() => verificationRuns.id, { onDelete: "set null" }),
    approvedBy: text("approved_by").notNull(),
    approvedAt: timestamp("approved_at", { withTimezone: true }).notNull().defaultNow(),
    /** Set when a later run fails where the one before passed; cleared when a run passes again. */
    regressedAt: timestamp("regressed_at", { withTimezone: true }),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: text("ended_by"),
    endReason: approvalEndReason("end_reason"),
  },
  (t) => [
    uniqueIndex("credential_approvals_attempt_key").on(t.attemptId),
    // At most one active approval per brokerage.
    uniqueIndex("credential_approvals_active_key").on(t.brokerageId).where(sql`${t.endedAt} is null`),
    index("credential_approvals_brokerage_idx").on(t.brokerageId, t.approvedAt),
    index("credential_approvals_regressed_idx").on(t.regressedAt, t.attemptId).where(sql`${t.endedAt} is null and ${t.regressedAt} is not null`),
  ],
);

/**
 * Rotation without downtime (DESIGN §9): ahead of expiry the portal prepares the next
 * credential of an approval (a new certificate, or a request for a new secret); the
 * administrator adds it beside the old one, its attempt is verified while the old one
 * still works, and only then does it become the active credential. One open per brokerage.
 */
export const rotationStatus = pgEnum("rotation_status", ["open", "verifying", "failed", "completed"]);

export const credentialRotations = pgTable(
  "credential_rotations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    /** The approval whose credential is being replaced. */
    approvalId: uuid("approval_id")
      .notNull()
      .references(() => credentialApprovals.id, { onDelete: "cascade" }),
    method: credentialMethod("method").notNull(),
    status: rotationStatus("status").notNull().default("open"),
    /** The certificate method: the next certificate the portal made (brokerage_certificates.thumbprint). */
    nextThumbprint: text("next_thumbprint"),
    /** The latest attempt made from the rotation page. */
    attemptId: uuid("attempt_id").references(() => submissionAttempts.id, { onDelete: "set null" }),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    /** From when the administrator may delete the old credential from the app registration. */
    oldDeletableAfter: timestamp("old_deletable_after", { withTimezone: true }),
    /** The last time the CSM was told the rotation stalls. */
    csmRemindedAt: timestamp("csm_reminded_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("credential_rotations_open_key").on(t.brokerageId).where(sql`${t.status} <> 'completed'`),
    uniqueIndex("credential_rotations_approval_key").on(t.approvalId),
    index("credential_rotations_attempt_idx").on(t.attemptId),
  ],
);

/** A CSM's request for changes: what to fix, sent to the administrator with a fresh invite link. */
export const changeRequests = pgTable(
  "change_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => submissionAttempts.id, { onDelete: "cascade" }),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    requestedBy: text("requested_by").notNull(),
    /** The check ids whose remediation was sent. */
    checkIds: text("check_ids").array().notNull(),
    message: text("message"),
    inviteId: uuid("invite_id").references(() => invites.id, { onDelete: "set null" }),
    messageId: uuid("message_id"),
    createdAt: createdAt(),
  },
  (t) => [index("change_requests_attempt_idx").on(t.attemptId, t.createdAt)],
);

/** Expiry reminders already sent, so each goes out once (0 days = the expiry notice). */
export const expiryReminderRecipient = pgEnum("expiry_reminder_recipient", ["administrator", "csm"]);

export const expiryReminders = pgTable(
  "expiry_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    approvalId: uuid("approval_id")
      .notNull()
      .references(() => credentialApprovals.id, { onDelete: "cascade" }),
    daysBefore: integer("days_before").notNull(),
    recipient: expiryReminderRecipient("recipient").notNull(),
    toAddress: text("to_address"),
    messageId: uuid("message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("expiry_reminders_once_key").on(t.approvalId, t.daysBefore, t.recipient)],
);

export const webhookEventType = pgEnum("webhook_event_type", [
  "credentials.approved",
  "credentials.rotated",
  "credentials.revoked",
  // Sent from the API keys page to check the endpoint; carries no brokerage.
  "webhook.test",
]);
export const webhookDeliveryStatus = pgEnum("webhook_delivery_status", ["pending", "delivered", "failed", "not-configured"]);

/** Every hand-off event and how its delivery went; `id` is the Standard Webhooks `webhook-id`. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: text("id").primaryKey(),
    eventType: webhookEventType("event_type").notNull(),
    brokerageId: uuid("brokerage_id").references(() => brokerages.id, { onDelete: "set null" }),
    /** The exact JSON body, so every retry signs the same bytes. Never holds a secret. */
    body: text("body").notNull(),
    status: webhookDeliveryStatus("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    responseCode: integer("response_code"),
    lastError: text("last_error"),
    lastDurationMs: integer("last_duration_ms"),
    /** When the next attempt is due; an attempt in flight pushes it forward as a lease. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: createdAt(),
    firstAttemptAt: timestamp("first_attempt_at", { withTimezone: true }),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
  },
  (t) => [
    index("webhook_deliveries_created_idx").on(t.createdAt),
    index("webhook_deliveries_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);

/** Keys for the sync service: only the SHA-256 of the key is kept. */
export const apiKeys = pgTable(
  "api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    name: text("name").notNull(),
    scope: text("scope").notNull(),
    keyHash: text("key_hash").notNull(),
    /** The prefix and first characters, to recognise a key in lists and logs. */
    keyHint: text("key_hint").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: text("revoked_by"),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("api_keys_key_hash_key").on(t.keyHash), index("api_keys_created_idx").on(t.createdAt)],
);

/** Fixed-window counters behind the rate limits, in PostgreSQL so every app instance shares them. */
export const rateLimitCounters = pgTable(
  "rate_limit_counters",
  {
    /** `<limit name>:<subject>`, e.g. `invite-redeem:203.0.113.7`. */
    key: text("key").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [uniqueIndex("rate_limit_counters_key_window_key").on(t.key, t.windowStart), index("rate_limit_counters_window_idx").on(t.windowStart)],
);

/*
 * Staff accounts and their sign-in state, in better-auth's model (lib/auth/auth.ts
 * maps these tables). Only staff have accounts; brokerage administrators use the
 * cookie sessions above. Ids are text because better-auth treats them as strings.
 */

export const staffRole = pgEnum("staff_role", ["onboarding", "csm", "admin"]);

const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
const textId = () => text("id").primaryKey().default(sql`gen_random_uuid()::text`);

export const users = pgTable(
  "users",
  {
    id: textId(),
    name: text("name").notNull(),
    /** Stored lower-case; better-auth lower-cases what is typed at sign-in. */
    email: text("email").notNull(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    role: staffRole("role").notNull(),
    /** A disabled account cannot sign in and its sessions are ended. */
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), index("users_role_idx").on(t.role)],
);

export const sessions = pgTable(
  "sessions",
  {
    id: textId(),
    /** better-auth's session token; the cookie carries it signed. */
    token: text("token").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("sessions_token_key").on(t.token), index("sessions_user_idx").on(t.userId)],
);

/** Ways a staff member signs in: `credential` (password hash) or `microsoft` (Entra ID). */
export const accounts = pgTable(
  "accounts",
  {
    id: textId(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    /** scrypt hash, for the `credential` provider only. */
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("accounts_user_idx").on(t.userId), uniqueIndex("accounts_provider_account_key").on(t.providerId, t.accountId)],
);

/** better-auth's short-lived values, e.g. the OAuth state of a Microsoft sign-in. */
export const verifications = pgTable(
  "verifications",
  {
    id: textId(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("verifications_identifier_idx").on(t.identifier)],
);

/** Request counters for sign-in rate limiting, shared by every app instance. */
export const rateLimits = pgTable(
  "rate_limits",
  {
    id: textId(),
    key: text("key").notNull(),
    count: integer("count").notNull(),
    /** Milliseconds since the epoch, as better-auth stores it. */
    lastRequest: bigint("last_request", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("rate_limits_key_key").on(t.key)],
);

/** Reminders sent for an invite's link (each reminder replaces the link: see lib/onboarding/reminders.ts). */
export const inviteReminders = pgTable(
  "invite_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The invite the reminder replaced, and the one it issued. */
    previousInviteId: uuid("previous_invite_id")
      .notNull()
      .references(() => invites.id, { onDelete: "cascade" }),
    inviteId: uuid("invite_id")
      .notNull()
      .references(() => invites.id, { onDelete: "cascade" }),
    /** How many reminders this chain of links has had, counting this one. */
    sequence: integer("sequence").notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("invite_reminders_invite_key").on(t.inviteId), uniqueIndex("invite_reminders_previous_key").on(t.previousInviteId)],
);

export const testItemKind = pgEnum("test_item_kind", ["event", "contact"]);

/**
 * The test items a run created in a customer's mailbox and has not yet deleted, recorded
 * as soon as Microsoft answers the create: a run that dies before its cleanup leaves a
 * row here, and the next run for the brokerage (or the sweep) deletes the item.
 */
export const verificationTestItems = pgTable(
  "verification_test_items",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    kind: testItemKind("kind").notNull(),
    itemId: text("item_id").notNull(),
    mailbox: text("mailbox").notNull(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    attemptId: uuid("attempt_id")
      .notNull()
      .references(() => submissionAttempts.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The last time a later run or the sweep tried to delete it and could not; the sweep waits before it tries again. */
    triedAt: timestamp("tried_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("verification_test_items_item_key").on(t.mailbox, t.itemId), index("verification_test_items_brokerage_idx").on(t.brokerageId)],
);

/** DESIGN §11: where an agent's mailbox stands for the sync. */
export const readinessStatus = pgEnum("readiness_status", ["unchecked", "ready", "not-ready", "unknown"]);

/**
 * A brokerage's agent addresses (from staff or the sync service), one row per mailbox,
 * with the result of the last readiness check copied here for the view and the counts.
 */
export const brokerageAgents = pgTable(
  "brokerage_agents",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    /** Lower case, validated by lib/validation/mailbox.ts. */
    address: text("address").notNull(),
    status: readinessStatus("status").notNull().default("unchecked"),
    reason: text("reason"),
    microsoftCode: text("microsoft_code"),
    checkedAt: timestamp("checked_at", { withTimezone: true }),
    lastRunId: uuid("last_run_id"),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("brokerage_agents_address_key").on(t.brokerageId, t.address),
    index("brokerage_agents_status_idx").on(t.brokerageId, t.status, t.address),
  ],
);

export const readinessRunStatus = pgEnum("readiness_run_status", ["queued", "running", "finished", "failed"]);
export const readinessRunScope = pgEnum("readiness_run_scope", ["all", "failing"]);

/** One readiness check of a brokerage's agents; resumable: results are stored per mailbox as they come. */
export const readinessRuns = pgTable(
  "readiness_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    brokerageId: uuid("brokerage_id")
      .notNull()
      .references(() => brokerages.id, { onDelete: "cascade" }),
    attemptId: uuid("attempt_id").references(() => submissionAttempts.id, { onDelete: "set null" }),
    scope: readinessRunScope("scope").notNull().default("all"),
    trigger: runTrigger("trigger").notNull(),
    triggeredBy: text("triggered_by"),
    status: readinessRunStatus("status").notNull().default("queued"),
    /** Set when the run could not start (no verified credential, token refused): a §4 reason. */
    reason: text("reason"),
    total: integer("total").notNull().default(0),
    checked: integer("checked").notNull().default(0),
    ready: integer("ready").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("readiness_runs_brokerage_idx").on(t.brokerageId, t.createdAt)],
);

/** A run's result per mailbox; the primary key is what makes a resumed run skip finished mailboxes. */
export const readinessResults = pgTable(
  "readiness_results",
  {
    runId: uuid("run_id")
      .notNull()
      .references(() => readinessRuns.id, { onDelete: "cascade" }),
    agentId: uuid("agent_id")
      .notNull()
      .references(() => brokerageAgents.id, { onDelete: "cascade" }),
    status: readinessStatus("status").notNull(),
    reason: text("reason"),
    microsoftCode: text("microsoft_code"),
    checkedAt: timestamp("checked_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("readiness_results_key").on(t.runId, t.agentId)],
);
