import type { AgentStatus } from "./view";

/** Readiness in words for staff pages, the export and email (DESIGN §11 with the §4 reasons). */

export const STATUS_LABELS: Record<AgentStatus, string> = {
  ready: "Ready",
  "not-ready": "Not ready",
  unknown: "Could not check",
  unchecked: "Not checked yet",
};

/** What a §4 reason means for one agent's mailbox. */
const REASON_LABELS: Record<string, string> = {
  "mailbox-not-found": "No such mailbox: misspelt, or the account was removed",
  "mailbox-not-enabled": "Not an Exchange Online mailbox: unlicensed, inactive, soft-deleted or on-premises",
  "access-policy-denied": "Outside the app's scope",
  "access-denied": "Access denied to the app",
  "consent-missing": "The app has no permission for mailboxes",
  "permission-missing": "The app lacks the calendar or contacts permission",
  "exchange-not-provisioned": "The tenant has no Exchange Online",
  throttled: "Microsoft was busy (throttled): check again later",
  "microsoft-unavailable": "Microsoft did not answer: check again later",
  unexpected: "Microsoft answered something unexpected",
};

export const reasonLabel = (reason: string | null | undefined) => (reason ? (REASON_LABELS[reason] ?? reason) : "");

/** Why a run could not start or finish. */
const RUN_REASON_LABELS: Record<string, string> = {
  "no-verified-credential": "The brokerage has no verified credential to check with",
  "credential-unavailable": "The stored credential could not be opened (its key is no longer in the key ring)",
};

export const runReasonLabel = (reason: string | null | undefined) => (reason ? (RUN_REASON_LABELS[reason] ?? `The app could not sign in (${reason})`) : "");
