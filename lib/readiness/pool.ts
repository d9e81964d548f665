import { RetryBudget, sleep } from "../microsoft/http";
import { isDeferral, type MailboxVerdict, type ReadinessProvider } from "./provider";

/**
 * Many round trips in flight over a stream of addresses: each lane fills a round trip
 * with due retries first, then fresh addresses, probes, and hands the verdicts on before
 * taking more, so memory holds only what is in flight. A deferred mailbox waits for its
 * Retry-After; the run's one budget pays for the time the run as a whole spends waiting
 * (overlapping waits are paid once), and when it is spent the mailbox is `throttled`.
 */

export const DEFAULT_LANES = 50;

export type PoolOptions = {
  provider: ReadinessProvider;
  budget: RetryBudget;
  /** Round trips in flight at once. */
  lanes?: number;
  signal?: AbortSignal;
  /** Stores one round trip's verdicts; the next round trip of this lane waits for it. */
  onVerdicts: (verdicts: MailboxVerdict[]) => Promise<void>;
};

type Pending = { address: string; attempt: number; dueAt: number };

export async function checkMailboxes(addresses: AsyncIterable<string>, options: PoolOptions): Promise<void> {
  const { provider, budget } = options;
  const source = addresses[Symbol.asyncIterator]();
  let exhausted = false;
  let pulling: Promise<void> = Promise.resolve();
  const retries: Pending[] = [];
  let inFlight = 0;
  /** The latest time a deferred mailbox is due: only waits beyond it cost budget. */
  let waitedUntil = Date.now();

  /** Pulls up to `n` fresh addresses in one go, so each round trip is filled from consecutive addresses. */
  function pull(n: number): Promise<string[]> {
    const next = pulling.then(async () => {
      const taken: string[] = [];
      while (!exhausted && taken.length < n) {
        const item = await source.next();
        if (item.done) exhausted = true;
        else taken.push(item.value);
      }
      return taken;
    });
    pulling = next.then(() => undefined);
    return next;
  }

  async function take(): Promise<Pending[] | "wait" | "done"> {
    const now = Date.now();
    const round: Pending[] = [];
    for (let i = 0; i < retries.length && round.length < provider.mailboxesPerRoundTrip; ) {
      if (retries[i]!.dueAt <= now) round.push(...retries.splice(i, 1));
      else i++;
    }
    if (round.length < provider.mailboxesPerRoundTrip) {
      for (const address of await pull(provider.mailboxesPerRoundTrip - round.length)) round.push({ address, attempt: 1, dueAt: now });
    }
    if (round.length) return round;
    return retries.length || inFlight ? "wait" : "done";
  }

  function defer(address: string, attempt: number, afterMs: number): MailboxVerdict | undefined {
    const dueAt = Date.now() + afterMs;
    const extra = Math.max(0, dueAt - waitedUntil);
    if (!budget.take(extra)) return { address, status: "unknown", reason: "throttled" };
    waitedUntil = Math.max(waitedUntil, dueAt);
    retries.push({ address, attempt: attempt + 1, dueAt });
    return undefined;
  }

  async function lane() {
    for (;;) {
      if (options.signal?.aborted) return;
      const round = await take();
      if (round === "done") return;
      if (round === "wait") {
        const soonest = retries.length ? Math.min(...retries.map((r) => r.dueAt)) - Date.now() : 20;
        await sleep(Math.max(5, Math.min(soonest, 200)), options.signal).catch(() => undefined);
        continue;
      }
      inFlight++;
      try {
        const outcomes = await provider.probe(round.map(({ address, attempt }) => ({ address, attempt })));
        const verdicts: MailboxVerdict[] = [];
        outcomes.forEach((outcome, i) => {
          if (!isDeferral(outcome)) return void verdicts.push(outcome);
          const given = defer(outcome.address, round[i]!.attempt, outcome.afterMs);
          if (given) verdicts.push(given);
        });
        if (verdicts.length) await options.onVerdicts(verdicts);
      } finally {
        inFlight--;
      }
    }
  }

  await Promise.all(Array.from({ length: options.lanes ?? DEFAULT_LANES }, lane));
}
