/**
 * When an inconclusive run (Microsoft unavailable or throttling) is tried again:
 * minutes after the previous run ended, one entry per automatic retry. After the
 * last, the attempt stays inconclusive for the customer-success manager to re-run.
 */
export const RETRY_DELAYS_MINUTES = [2, 10, 30, 120] as const;

export function retryDelaySeconds(retry: number): number | null {
  const minutes = RETRY_DELAYS_MINUTES[retry];
  return minutes === undefined ? null : minutes * 60;
}
