import type { Metadata } from "next";
import { CreateApiKeyForm, RedeliverButton, RevokeApiKeyButton, SendTestEventForm } from "@/components/review/api-key-forms";
import { Tag } from "@/components/form/tag";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { formatDateTime } from "@/lib/format/dates";
import { API_KEY_SCOPES, listApiKeys } from "@/lib/handoff/api-keys";
import { listRecentDeliveries } from "@/lib/handoff/deliveries";
import { webhookTarget } from "@/lib/handoff/deliver";
import { staffNames } from "@/lib/email/staff-contact";
import { REDELIVERABLE } from "@/lib/handoff/redeliver";
import { createApiKeyAction, redeliverWebhookAction, revokeApiKeyAction, sendTestWebhookAction } from "./actions";

export const metadata: Metadata = { title: "API keys and webhooks" };

const DELIVERY_TAGS = {
  delivered: { text: "Delivered", tone: "green" },
  pending: { text: "Retrying", tone: "yellow" },
  failed: { text: "Failed", tone: "red" },
  "not-configured": { text: "Not sent", tone: "grey" },
} as const;

const EVENT_WORDS: Record<string, string> = {
  "credentials.approved": "Credentials approved",
  "credentials.rotated": "Credentials rotated",
  "credentials.revoked": "Credentials revoked",
  "webhook.test": "Test event",
};

export default async function ApiKeysPage() {
  await requireStaffRole(...AREA_ROLES.admin);
  const [keys, deliveries] = await Promise.all([listApiKeys(), listRecentDeliveries(30)]);
  const names = await staffNames(db(), keys.map((k) => k.createdBy));
  const target = webhookTarget();

  return (
    <div>
      <h1 className="mb-2 text-3xl font-bold sm:text-4xl">API keys and webhooks</h1>
      <p className="mb-8 max-w-3xl text-lg">
        The sync service learns of approvals, rotations and revocations from a signed webhook, then reads the credentials with an API key. docs/handoff.md describes both.
      </p>

      <h2 className="mb-3 text-2xl font-bold">API keys</h2>
      {keys.length === 0 ? (
        <p className="mb-6">No keys yet.</p>
      ) : (
        <TableRegion label="API keys">
          <Table
            caption="API keys, newest first"
            minWidth="sm:min-w-[48rem]"
            head={
              <>
                <Th>Name</Th>
                <Th>May read</Th>
                <Th>Created</Th>
                <Th>Last used</Th>
                <Th>
                  <span className="sr-only">Status and actions</span>
                </Th>
              </>
            }
          >
            {keys.map((k) => (
              <Tr key={k.id}>
                <Td label="Name">
                  <span className="font-bold">{k.name}</span>
                  <span className="block font-mono text-sm text-muted">{k.keyHint}</span>
                </Td>
                <Td label="May read">
                  <span className="font-mono">{k.scope}</span>
                </Td>
                <Td label="Created">
                  {formatDateTime(k.createdAt)}
                  <span className="block text-sm text-muted">by {names[k.createdBy] ?? "a former member of staff"}</span>
                </Td>
                <Td label="Last used">{k.lastUsedAt ? formatDateTime(k.lastUsedAt) : "Never"}</Td>
                <Td label="Status">{k.revokedAt ? <Tag tone="grey">Revoked</Tag> : <RevokeApiKeyButton keyId={k.id} name={k.name} revoke={revokeApiKeyAction} />}</Td>
              </Tr>
            ))}
          </Table>
        </TableRegion>
      )}

      <section aria-labelledby="new-key-heading" className="mb-12 max-w-2xl">
        <h2 id="new-key-heading" className="mb-3 text-xl font-bold">
          Create an API key
        </h2>
        <CreateApiKeyForm create={createApiKeyAction} scopes={Object.entries(API_KEY_SCOPES).map(([value, hint]) => ({ value, label: value, hint }))} />
      </section>

      <h2 className="mb-3 text-2xl font-bold">Webhook deliveries</h2>
      <p className="mb-4">
        {target ? (
          <>
            Events go to <span className="font-mono break-all">{target.url}</span>
            {target.secret ? ", signed." : ", but WEBHOOK_SECRET is not set, so they cannot be signed and are not delivered."}
          </>
        ) : (
          "WEBHOOK_URL is not set: events are recorded here but not sent."
        )}
      </p>
      {target?.secret ? <SendTestEventForm send={sendTestWebhookAction} /> : null}
      {deliveries.length === 0 ? (
        <p>No events yet.</p>
      ) : (
        <TableRegion label="Webhook deliveries">
          <Table
            caption="The latest webhook deliveries, newest first"
            minWidth="sm:min-w-[48rem]"
            head={
              <>
                <Th>Event</Th>
                <Th>Brokerage</Th>
                <Th>Status</Th>
                <Th>Attempts</Th>
                <Th>Last answer</Th>
              </>
            }
          >
            {deliveries.map((d) => {
              const tag = DELIVERY_TAGS[d.status];
              return (
                <Tr key={d.id}>
                  <Td label="Event">
                    {EVENT_WORDS[d.eventType] ?? d.eventType}
                    <span className="block text-sm text-muted">{formatDateTime(d.createdAt)}</span>
                  </Td>
                  <Td label="Brokerage">{d.brokerageName ?? (d.eventType === "webhook.test" ? <span className="text-muted">None</span> : "Deleted brokerage")}</Td>
                  <Td label="Status">
                    <Tag tone={tag.tone}>{tag.text}</Tag>
                    {d.status === "pending" && d.attempts > 0 ? <span className="block text-sm text-muted">next try {formatDateTime(d.nextAttemptAt)}</span> : null}
                    {target?.secret && (REDELIVERABLE as readonly string[]).includes(d.status) ? (
                      <RedeliverButton deliveryId={d.id} label={`${EVENT_WORDS[d.eventType] ?? d.eventType}, ${formatDateTime(d.createdAt)}`} redeliver={redeliverWebhookAction} />
                    ) : null}
                  </Td>
                  <Td label="Attempts">{d.attempts}</Td>
                  <Td label="Last answer">
                    {d.responseCode ? `HTTP ${d.responseCode}` : (d.lastError ?? "None yet")}
                    {d.lastDurationMs !== null ? <span className="block text-sm text-muted">in {d.lastDurationMs} ms</span> : null}
                  </Td>
                </Tr>
              );
            })}
          </Table>
        </TableRegion>
      )}
    </div>
  );
}
