import { z } from "zod";
import { AGENT_STATUSES, type AgentFilter, type AgentStatus } from "./view";

/** The readiness table's filter from search parameters; anything unknown reads as no filter. */
const Schema = z.object({
  status: z
    .enum(AGENT_STATUSES as [AgentStatus, ...AgentStatus[]])
    .optional()
    .catch(undefined),
  reason: z
    .string()
    .regex(/^[a-z-]{1,40}$/)
    .optional()
    .catch(undefined),
});

export function readinessFilter(params: Record<string, string | string[] | undefined>): AgentFilter {
  const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) || undefined;
  return Schema.parse({ status: one(params.status), reason: one(params.reason) });
}
