import type { Reason } from "../verification/types";

/**
 * The seam between the readiness check and a mail provider (DESIGN §10, §11): the run
 * streams addresses, a provider probes them a round trip at a time. Microsoft 365 is
 * lib/readiness/microsoft.ts; Google Workspace adds its own provider here.
 */

export type ReadinessStatus = "ready" | "not-ready" | "unknown";

/** One mailbox's answer: ready, not ready (the administrator can fix it) or unknown (could not decide). */
export type MailboxVerdict = {
  address: string;
  status: ReadinessStatus;
  reason?: Reason;
  /** Microsoft's error code, for a support ticket. */
  microsoftCode?: string;
};

/** A mailbox throttled this time: asked again after `afterMs`, within the run's budget. */
export type MailboxDeferral = { address: string; afterMs: number };

export type ProbeOutcome = MailboxVerdict | MailboxDeferral;

export const isDeferral = (o: ProbeOutcome): o is MailboxDeferral => "afterMs" in o;

export type ReadinessProvider = {
  /** How many mailboxes one round trip carries. */
  mailboxesPerRoundTrip: number;
  /** Read-only probes of these mailboxes; `attempt` counts from 1 per mailbox. */
  probe(mailboxes: ReadonlyArray<{ address: string; attempt: number }>): Promise<ProbeOutcome[]>;
};
