import type { MailboxState, SimState } from "./model";
import { AGENTS_GROUP, TENANTS } from "./scenarios";

/**
 * Thousands of agent mailboxes with a mix of states, for readiness checks, the demo and
 * the benchmark. Mailbox n gets the state its place in the mix says, spread evenly, so
 * the same request always seeds the same world. Every mailbox seeded in scope joins the
 * agents group (the RBAC for Applications scope); `outside-scope` ones stay out of it,
 * `not-found` ones are not created at all, `throttled-once` answer their first calendar
 * read with 429 and Retry-After.
 */

export const AGENT_KINDS = ["ready", "not-found", "unlicensed", "on-premises", "outside-scope", "throttled-once"] as const;
export type AgentKind = (typeof AGENT_KINDS)[number];

export type AgentSeedSpec = {
  count: number;
  /** Share of each kind; the rest are `ready`. */
  mix?: Partial<Record<AgentKind, number>>;
  /** Address prefix: `${prefix}${n}@harbor.example`. */
  prefix?: string;
  domain?: string;
  tenantId?: string;
  /** Seconds in the Retry-After of a throttled-once mailbox. */
  retryAfterSeconds?: number;
};

export const MAX_SEEDED_AGENTS = 50_000;

const STATE_OF: Partial<Record<AgentKind, MailboxState>> = { unlicensed: "unlicensed", "on-premises": "on-premises" };

function kindsFor(count: number, mix: Partial<Record<AgentKind, number>>): AgentKind[] {
  const kinds: AgentKind[] = new Array<AgentKind>(count).fill("ready");
  let next = 0;
  // Kinds are laid out in stripes, then shuffled deterministically (a fixed stride), so each kind spreads over the list.
  for (const kind of AGENT_KINDS) {
    if (kind === "ready") continue;
    const n = Math.round((mix[kind] ?? 0) * count);
    for (let i = 0; i < n && next < count; i++) kinds[next++] = kind;
  }
  const stride = [7919, 104729, 1299709].find((p) => count % p !== 0) ?? 1;
  return kinds.map((_, i) => kinds[(i * stride) % count]!);
}

export function seedAgents(state: SimState, spec: AgentSeedSpec) {
  if (!Number.isInteger(spec.count) || spec.count < 1 || spec.count > MAX_SEEDED_AGENTS) throw new RangeError(`count must be 1 to ${MAX_SEEDED_AGENTS}`);
  const tenantId = spec.tenantId ?? TENANTS.harbor.id;
  const domain = (spec.domain ?? "harbor.example").toLowerCase();
  const prefix = spec.prefix ?? "agent";
  const group = state.exchange.groups.get(AGENTS_GROUP.address);
  const width = String(spec.count).length;
  const agents = kindsFor(spec.count, spec.mix ?? {}).map((kind, i) => ({ address: `${prefix}${String(i + 1).padStart(width, "0")}@${domain}`, kind }));
  for (const { address, kind } of agents) {
    if (kind === "not-found") continue;
    state.mailboxes.set(address, {
      address,
      tenantId,
      displayName: address.split("@")[0]!,
      state: STATE_OF[kind] ?? "active",
      failDeletes: false,
      throttled: false,
      sendBlocked: false,
      events: new Map(),
      contacts: new Map(),
      sentMessages: [],
      created: [],
    });
    if (kind !== "outside-scope" && group && !group.members.includes(address)) group.members.push(address);
    if (kind === "throttled-once") {
      state.faults.push({
        id: `throttled-once:${address}`,
        route: "calendar.list",
        mailbox: address,
        times: 1,
        effect: { type: "status", status: 429, retryAfterSeconds: spec.retryAfterSeconds ?? 1 },
        hits: 0,
        seen: 0,
      });
    }
  }
  return agents;
}
