import "server-only";
import { getAttemptForBrokerage } from "./queries";
import { getStatusView } from "./status-view";

/**
 * Server-sent events for the status page. Progress is read from PostgreSQL on a
 * short interval rather than pushed in memory, so the page works whichever app
 * instance serves it and whichever worker runs the checks. A snapshot is sent only
 * when something changed; `done` tells the browser to stop listening.
 */

const encoder = new TextEncoder();

export type StreamOptions = { intervalMs?: number; heartbeatMs?: number; maxMs?: number };

export function statusEventStream(brokerageId: string, attemptId: string, signal: AbortSignal, options: StreamOptions = {}) {
  const intervalMs = options.intervalMs ?? 500;
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  // Long-lived connections are recycled; EventSource reconnects by itself.
  const maxMs = options.maxMs ?? 5 * 60_000;

  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (text: string) => controller.enqueue(encoder.encode(text));
      const started = Date.now();
      let last = "";
      let lastSent = Date.now();
      send("retry: 2000\n\n");
      try {
        while (!signal.aborted && Date.now() - started < maxMs) {
          const attempt = await getAttemptForBrokerage(brokerageId, attemptId);
          if (!attempt) break;
          const view = await getStatusView(attempt);
          const json = JSON.stringify(view);
          if (json !== last) {
            send(`event: status\ndata: ${json}\n\n`);
            last = json;
            lastSent = Date.now();
          } else if (Date.now() - lastSent > heartbeatMs) {
            send(": still checking\n\n");
            lastSent = Date.now();
          }
          if (view.final) {
            send("event: done\ndata: {}\n\n");
            break;
          }
          await sleep(intervalMs, signal);
        }
      } catch (error) {
        if (!signal.aborted) controller.error(error);
        return;
      }
      controller.close();
    },
  });
}

function sleep(ms: number, signal: AbortSignal) {
  return new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener("abort", () => {
      clearTimeout(timer);
      resolve();
    }, { once: true });
  });
}
