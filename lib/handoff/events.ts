import { randomBytes } from "node:crypto";
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
  credentialMethod: "client-secret" | "certificate" | "vendor-app";
  /** The certificate method: which certificate to pull (its private key comes only from the API). */
  certificateThumbprint?: string;
  /** For a rotation: the attempt whose credentials these replace. */
  previousAttemptId?: string | null;
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
