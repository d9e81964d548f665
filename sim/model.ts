/**
 * The simulator's in-memory world: tenants, app registrations and mailboxes, plus
 * the fault injection and request log that tests read and change at run time.
 */

export type Cloud = "public" | "us-government";

export type SimTenant = {
  id: string;
  name: string;
  domains: string[];
  cloud: Cloud;
  /** The identity platform answers 503 for this tenant (discovery and token). */
  outage: boolean;
  /** No Exchange Online: Graph answers OrganizationFromTenantGuidNotFound for its mailboxes. */
  noExchange?: boolean;
  /** Domains whose sign-in another identity provider handles (the user-realm endpoint says Federated). */
  federation?: { domains: string[]; protocol: string; authUrl: string };
};

export type SimSecret = { keyId: string; value: string; expiresAt: string; displayName: string };

/** An uploaded certificate (Microsoft Graph `keyCredential` of type AsymmetricX509Cert, usage Verify). */
export type SimKeyCredential = {
  keyId: string;
  displayName: string;
  /** Lower-case hex of the certificate's SHA-256 and SHA-1 fingerprints. */
  thumbprintSha256: string;
  thumbprintSha1: string;
  startDateTime: string;
  endDateTime: string;
  certificateDer: Buffer;
};

export type SimApp = {
  clientId: string;
  tenantId: string;
  displayName: string;
  secrets: SimSecret[];
  /** Certificates uploaded under Certificates & secrets → Certificates. */
  keyCredentials: SimKeyCredential[];
  /** Microsoft Graph application permissions with admin consent: the token's `roles`. */
  roles: string[];
  disabled: boolean;
  conditionalAccessBlocked: boolean;
  /** An Exchange application access policy: only these mailboxes (null: no policy). */
  accessPolicyMailboxes: string[] | null;
  /** An identity platform error to answer instead of a token (sim/identity.ts TOKEN_ERRORS). */
  tokenErrorCode: number | null;
  /** Multi-tenant: other tenants use it through their own service principal, made by admin consent (sim/vendor-app.ts). */
  multiTenant?: boolean;
  /**
   * Seconds the identity platform's clock runs ahead of the caller's when it checks this app's
   * client assertions: the signing server's clock is behind (700024). Null for none.
   */
  assertionClockOffsetSeconds?: number | null;
};

/** A multi-tenant app's service principal in a customer tenant, with the application permissions an administrator granted. */
export type SimConsent = { roles: string[]; grantedBy: string; grantedAt: number; /** "Enabled for users to sign in?" set to No. */ disabled: boolean };

export type MailboxState = "active" | "unlicensed" | "inactive" | "soft-deleted" | "on-premises";

export type SimMailbox = {
  address: string;
  tenantId: string;
  displayName: string;
  state: MailboxState;
  /** Deleting items answers 500 (a test item cannot be cleaned up). */
  failDeletes: boolean;
  /** Every request answers 429 with a long Retry-After. */
  throttled: boolean;
  /** Sending answers 403 ErrorSendAsDenied. */
  sendBlocked: boolean;
  events: Map<string, Record<string, unknown>>;
  contacts: Map<string, Record<string, unknown>>;
  sentMessages: Array<Record<string, unknown>>;
  /** Every item ever created here, as sent, deleted or not (to inspect what the checks wrote). */
  created: Array<{ collection: "events" | "contacts"; item: Record<string, unknown> }>;
};

export const ROUTES = [
  "discovery",
  "token",
  "userrealm",
  "calendar.list",
  "calendar.create",
  "calendar.delete",
  "contacts.list",
  "contacts.create",
  "contacts.delete",
  "mail.send",
  "graph.other",
  "graph.batch",
] as const;
export type RouteName = (typeof ROUTES)[number];

export type FaultEffect =
  | { type: "status"; status: 429 | 500 | 502 | 503 | 504; retryAfterSeconds?: number; code?: string }
  | { type: "hang" }
  | { type: "delay"; ms: number };

export type FaultSpec = {
  /** A route, "graph" for every Graph route, or "any". */
  route: RouteName | "graph" | "any";
  effect: FaultEffect;
  /** Only requests for this mailbox (Graph routes). */
  mailbox?: string;
  /** How many matching requests it affects; unlimited when absent. */
  times?: number;
  /** Only this share of the matching requests (0 to 1), spread evenly: 0.1 is every tenth. */
  fraction?: number;
};

export type Fault = FaultSpec & { id: string; hits: number; /** Matching requests seen, for `fraction`. */ seen: number };

export type RequestLogEntry = {
  method: string;
  route: RouteName | "control" | "unknown";
  path: string;
  status: number;
  mailbox?: string;
  startedAt: number;
  endedAt: number;
  /** One request of a `$batch` (answered inside the batch's round trip). */
  inBatch?: true;
};

/**
 * Exchange Online RBAC for Applications: service principals registered in Exchange
 * (New-ServicePrincipal), management scopes over the members of a group
 * (New-ManagementScope -RecipientRestrictionFilter "MemberOfGroup -eq '…'") and role
 * assignments of the "Application …" roles to a service principal, optionally on a scope
 * (New-ManagementRoleAssignment -App … -CustomResourceScope …).
 */
export type SimGroup = { address: string; tenantId: string; displayName: string; members: string[] };
export type SimServicePrincipal = { appId: string; objectId: string; displayName: string };
export type SimManagementScope = { name: string; tenantId: string; memberOfGroup: string };
export type SimRoleAssignment = {
  name: string;
  appId: string;
  role: string;
  /** A management scope's name; absent: the whole organisation. */
  scope?: string;
  /** When it was made (ms since the epoch): it takes effect after the cache delay. */
  createdAt: number;
};
export type SimExchange = {
  groups: Map<string, SimGroup>;
  servicePrincipals: Map<string, SimServicePrincipal>;
  scopes: Map<string, SimManagementScope>;
  assignments: SimRoleAssignment[];
  /** How long a new assignment waits before Exchange applies it (the real cache: 30 minutes to 2 hours); 0 by default. */
  cacheDelayMs: number;
};

export type SimState = {
  tenants: Map<string, SimTenant>;
  apps: Map<string, SimApp>;
  mailboxes: Map<string, SimMailbox>;
  faults: Fault[];
  latencyMs: number;
  requests: RequestLogEntry[];
  issuedTokens: string[];
  /** Client assertion ids already used (a replayed assertion is refused). */
  seenAssertionIds: Set<string>;
  /** In-flight Graph requests per app and mailbox, and the most seen at once. */
  inFlight: Map<string, number>;
  maxInFlight: Map<string, number>;
  exchange: SimExchange;
  /** Service principals of multi-tenant apps in other tenants, by `tenantId|clientId`. */
  consents: Map<string, SimConsent>;
};

export type ExchangeSeed = {
  groups: SimGroup[];
  servicePrincipals: SimServicePrincipal[];
  scopes: SimManagementScope[];
  assignments: Array<Omit<SimRoleAssignment, "createdAt">>;
};

export type Seed = {
  tenants: SimTenant[];
  apps: SimApp[];
  mailboxes: Array<Omit<SimMailbox, "events" | "contacts" | "sentMessages" | "created">>;
  exchange?: ExchangeSeed;
  consents?: Array<SimConsent & { tenantId: string; clientId: string }>;
};

export function stateFromSeed(seed: Seed, latencyMs = 0): SimState {
  const clone = <T>(v: T): T => structuredClone(v);
  return {
    tenants: new Map(seed.tenants.map((t) => [t.id, clone(t)])),
    apps: new Map(seed.apps.map((a) => [a.clientId, clone(a)])),
    mailboxes: new Map(
      seed.mailboxes.map((m) => [m.address.toLowerCase(), { ...clone(m), events: new Map(), contacts: new Map(), sentMessages: [], created: [] }]),
    ),
    faults: [],
    latencyMs,
    requests: [],
    issuedTokens: [],
    seenAssertionIds: new Set(),
    inFlight: new Map(),
    maxInFlight: new Map(),
    exchange: {
      groups: new Map((seed.exchange?.groups ?? []).map((g) => [g.address.toLowerCase(), clone(g)])),
      servicePrincipals: new Map((seed.exchange?.servicePrincipals ?? []).map((p) => [p.appId, clone(p)])),
      scopes: new Map((seed.exchange?.scopes ?? []).map((m) => [m.name.toLowerCase(), clone(m)])),
      // Seeded assignments exist since long before: the cache delay does not hold them back.
      assignments: (seed.exchange?.assignments ?? []).map((a) => ({ ...clone(a), createdAt: 0 })),
      cacheDelayMs: 0,
    },
    consents: new Map((seed.consents ?? []).map(({ tenantId, clientId, ...c }) => [`${tenantId.toLowerCase()}|${clientId.toLowerCase()}`, clone(c)])),
  };
}

export function tenantByIdOrDomain(state: SimState, value: string): SimTenant | undefined {
  const v = value.toLowerCase();
  return state.tenants.get(v) ?? [...state.tenants.values()].find((t) => t.domains.includes(v));
}
