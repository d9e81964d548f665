import { env } from "../env";

/**
 * When an inconclusive run (Microsoft unavailable or throttling) is tried again:
 * minutes after the previous run ended, one entry per automatic retry
 * (VERIFICATION_RETRY_MINUTES, 2,10,30,120 unless set). After the last, the attempt
 * stays inconclusive and its customer-success manager is told to re-run it.
 */
export function retryDelaysMinutes(): number[] {
  return env()
    .VERIFICATION_RETRY_MINUTES.split(",")
    .map((entry) => Number(entry.trim()));
}

export function retryDelaySeconds(retry: number): number | null {
  const minutes = retryDelaysMinutes()[retry];
  return minutes === undefined ? null : minutes * 60;
}
