import { randomBytes } from "node:crypto";
import type { CredentialMethodName, EmailProvider } from "../validation/credential-method";
import type { Executor } from "../db/client";
import { webhookDeliveries } from "../db/schema";
import type { AccessScope } from "../validation/access-scope";

export type HandoffEventType = "credentials.approved" | "credentials.rotated" | "credentials.revoked";

/** What the sync service is told: which credentials to pull, never the secret itself. */
export type HandoffEventData = {
  brokerageId: string;
  attemptId: string;
  tenantId: string;
  clientId: string;
  /** YYYY-MM-DD, as the administrator stated it, or the certificate's notAfter day. */
  secretExpiresOn: string;
  /** DESIGN §9: with "exchange-rbac" only the agents' group's mailboxes can sync. */
  accessScope?: AccessScope;
  /** How the app signs in (DESIGN §9); what to pull differs (docs/handoff.md). */
  credentialMethod: CredentialMethodName;
  /** The certificate method: which certificate to pull (its private key comes only from the API). */
  certificateThumbprint?: string;
  /** Microsoft 365 or Google Workspace (DESIGN §10). */
  provider?: EmailProvider;
  /** Google Workspace: the domain the vendor's service account acts in, and the scopes it was authorised for. */
  domain?: string;
  scopes?: readonly string[];
  /** For a rotation: the attempt whose credentials these replace. */
  previousAttemptId?: string | null;
  /**
   * A rotation without downtime (lib/rotation): the new credential passed every check
   * while the old one still worked; the old one stays valid in Microsoft until the
   * administrator deletes it, which they are told they may do from `oldDeletableAfter`.
   */
  rotation?: { rotationId: string; oldDeletableAfter: string; previousCertificateThumbprint?: string };
};

export type HandoffEvent = { type: HandoffEventType; timestamp: string; data: HandoffEventData };

/** Standard Webhooks ids are opaque and unique per message; the same id is kept across retries. */
export function newWebhookId(): string {
  return `msg_${randomBytes(16).toString("base64url")}`;
}

/**
 * Records an event in the delivery log inside the caller's transaction, so it exists
 * only if the change does. Send it after commit with `dispatchWebhook(id)`; the sweeper
 * (`webhook.sweep`) catches any whose dispatch was lost.
 */
export async function recordHandoffEvent(
  tx: Executor,
  event: { type: HandoffEventType; at: Date; data: HandoffEventData },
): Promise<string> {
  const id = newWebhookId();
  const payload: HandoffEvent = { type: event.type, timestamp: event.at.toISOString(), data: event.data };
  await tx.insert(webhookDeliveries).values({
    id,
    eventType: event.type,
    brokerageId: event.data.brokerageId,
    body: JSON.stringify(payload),
    nextAttemptAt: event.at,
    createdAt: event.at,
  });
  return id;
}
