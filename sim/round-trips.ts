import type { RequestLogEntry } from "./model";

/**
 * The number of sequential round trips on the critical path of a set of
 * requests: the longest chain in which each request started only after the
 * previous one had been answered. Concurrent requests share a step.
 */
export function criticalPathRoundTrips(requests: readonly Pick<RequestLogEntry, "startedAt" | "endedAt">[]): number {
  const sorted = [...requests].sort((a, b) => a.startedAt - b.startedAt);
  const depth: number[] = [];
  sorted.forEach((request, i) => {
    let before = 0;
    for (let j = 0; j < i; j++) if (sorted[j]!.endedAt <= request.startedAt) before = Math.max(before, depth[j]!);
    depth[i] = before + 1;
  });
  return Math.max(0, ...depth);
}
