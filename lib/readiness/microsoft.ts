import "server-only";
import { graphBatch, MAX_BATCH_REQUESTS, type BatchAnswer } from "../microsoft/graph-batch";
import { MicrosoftRequestError } from "../microsoft/failures";
import { MAX_ATTEMPTS, RETRYABLE_STATUSES, type RequestPolicy } from "../microsoft/http";
import { pathSegment } from "../microsoft/identifiers";
import { acquireMailboxSlot, mailboxKey } from "../microsoft/mailbox-limiter";
import { classifyGraphFailure, microsoftInfo } from "../verification/classify";
import type { MailboxVerdict, ProbeOutcome, ReadinessProvider } from "./provider";

/**
 * Microsoft 365 readiness: per mailbox a read-only list of one calendar event and one
 * contact (`$select=id&$top=1`), the same reads as the `calendar.read` and
 * `contacts.read` checks, ten mailboxes to a Graph `$batch` of 20 requests. Each
 * request takes the mailbox's slot (4 at most per mailbox, shared with every run of
 * this process). A request throttled inside the batch (429, 503, 504) is deferred by
 * its Retry-After and asked again in a later batch; the rest are classified like the
 * checks (lib/verification/classify.ts).
 */

const PROBES = [
  { collection: "events", roles: ["Calendars.ReadWrite", "Calendars.Read"] },
  { collection: "contacts", roles: ["Contacts.ReadWrite", "Contacts.Read"] },
] as const;

const FALLBACK_RETRY_MS = 1_000;

export type MicrosoftReadinessOptions = RequestPolicy & {
  graphUrl: string;
  accessToken: string;
  clientId: string;
  /** The token's `roles`; none with Exchange RBAC for Applications, where Exchange decides. */
  roles: readonly string[];
};

function verdictOf(address: string, answers: BatchAnswer[], roles: readonly string[]): MailboxVerdict {
  for (const [i, answer] of answers.entries()) {
    if (answer.ok) continue;
    const classified = classifyGraphFailure(answer.failure, { roles, requiredRoles: PROBES[i]!.roles, exchangeDecides: roles.length === 0 });
    const code = microsoftInfo(answer.failure)?.code;
    return { address, status: classified.status === "fail" ? "not-ready" : "unknown", reason: classified.reason, ...(code ? { microsoftCode: code } : {}) };
  }
  return { address, status: "ready" };
}

export function microsoftReadiness(options: MicrosoftReadinessOptions): ReadinessProvider {
  const send = graphBatch(options);
  return {
    mailboxesPerRoundTrip: MAX_BATCH_REQUESTS / PROBES.length,
    async probe(mailboxes) {
      const releases = await Promise.all(
        mailboxes.flatMap((m) => PROBES.map(() => acquireMailboxSlot(mailboxKey(options.clientId, m.address), options.signal))),
      );
      try {
        const requests = mailboxes.flatMap((m, i) =>
          PROBES.map((p, j) => ({ id: `${i}.${j}`, method: "GET" as const, url: `/users/${pathSegment(m.address)}/${p.collection}?$select=id&$top=1` })),
        );
        let answers: BatchAnswer[];
        try {
          answers = await send(requests);
        } catch (error) {
          // The batch as a whole went unanswered (after its own retries): every mailbox in it is undecided.
          if (!(error instanceof MicrosoftRequestError) || options.signal?.aborted) throw error;
          const classified = classifyGraphFailure(error.failure, { roles: options.roles, requiredRoles: [] });
          return mailboxes.map((m) => ({ address: m.address, status: "unknown" as const, reason: classified.reason }));
        }
        return mailboxes.map((m, i): ProbeOutcome => {
          const own = answers.slice(i * PROBES.length, (i + 1) * PROBES.length);
          const throttled = own.filter((a) => !a.ok && RETRYABLE_STATUSES.has(a.status));
          if (throttled.length && m.attempt < MAX_ATTEMPTS) {
            const afterMs = Math.max(...throttled.map((a) => (!a.ok && a.retryAfterMs) || FALLBACK_RETRY_MS));
            return { address: m.address, afterMs };
          }
          return verdictOf(m.address, own, options.roles);
        });
      } finally {
        for (const release of releases) release();
      }
    },
  };
}
