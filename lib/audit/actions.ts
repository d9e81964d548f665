/**
 * Every audit action the portal records, with its words for people (the audit log, a
 * submission's and a brokerage's history). `subject.verb`; adding an action means adding
 * it here, so the type checker refuses an unknown or misspelt name.
 */
export const AUDIT_ACTIONS = {
  "attempt.submitted": "Credentials submitted",
  "attempt.verified": "Checks passed",
  "attempt.failed": "Checks failed",
  "attempt.inconclusive": "Checks could not finish",
  "attempt.superseded": "Attempt replaced by a newer one",
  "attempt.approved": "Credentials approved",
  "attempt.changes-requested": "Changes requested from the administrator",
  "attempt.rerun-requested": "Checks run again",
  "credentials.revoked": "Credentials revoked",
  "credentials.regressed": "Approved credentials stopped working",
  "credentials.recovered": "Approved credentials work again",
  "credentials.expiry-reminder-sent": "Expiry reminder sent",
  "credentials.expiry-notice-sent": "Expiry notice sent",
  "credentials.checked-early": "Credentials checked before submitting",
  "brokerage.created": "Brokerage added",
  "brokerage.updated": "Details changed",
  "brokerage.expired": "Client secret expired",
  "brokerages.imported": "Brokerages imported from a CSV file",
  "agents.replaced": "Agent mailbox list replaced",
  "readiness.requested": "Agent mailboxes checked",
  "readiness.regressed": "Agent mailboxes no longer ready",
  "invite.created": "Invite link created",
  "invite.resent": "Invite link replaced with a new one",
  "invite.revoked": "Invite link revoked",
  "invite.reminded": "Reminder sent with a new link",
  "invite.opened": "Invite link opened",
  "invite.signed-out": "Signed out of the setup pages",
  "secret.decrypted": "Secret read",
  "certificate.issued": "Certificate made for signing in without a secret",
  "consent.started": "Sent to Microsoft to grant admin consent",
  "consent.granted": "Admin consent granted to the vendor app",
  "consent.failed": "Admin consent not granted",
  "rotation.opened": "Next credential prepared for rotation",
  "rotation.sent": "New credential sent for rotation",
  "rotation.completed": "Rotation finished: the new credential is in use",
  "rotation.failed": "Rotation's new credential failed its checks",
  "rotation.stalled": "CSM reminded of a stalled rotation",
  "secret.rotated": "Secret re-encrypted under a new key",
  "secret.purged": "Secret of an abandoned attempt cleared",
  "note.added": "Note added",
  "api-key.created": "API key created",
  "api-key.revoked": "API key revoked",
  "webhook.redelivered": "Webhook event sent again",
  "webhook.test-sent": "Test webhook event sent",
  "staff.created": "Staff account created",
  "staff.role_changed": "Staff role changed",
  "staff.disabled": "Staff account disabled",
  "staff.enabled": "Staff account enabled",
  "staff.password_set": "Staff password set",
  "staff.signed_in": "Signed in",
  "staff.signed_out": "Signed out",
  "staff.sign_in_linked": "Microsoft sign-in linked to the account",
} as const;

export type AuditAction = keyof typeof AUDIT_ACTIONS;

export const isAuditAction = (value: string): value is AuditAction => Object.hasOwn(AUDIT_ACTIONS, value);

/** Families of actions, for filtering by the part of the portal they concern (`attempt.` matches every `attempt.*`). */
export const AUDIT_FAMILIES: Record<string, string> = {
  "attempt.": "Any action on a submission",
  "credentials.": "Any action on approved credentials",
  "brokerage.": "Any action on a brokerage",
  "invite.": "Any action on an invite link",
  "secret.": "Any reading or re-encrypting of a secret",
  "api-key.": "Any action on an API key",
  "webhook.": "Any resending or test of a webhook event",
  "staff.": "Any action on a staff account or sign-in",
};
