import { GOOGLE_SCOPE_STRINGS } from "../../lib/google/scopes";

/**
 * The Google Workspace simulator's world (DESIGN §10): the vendor's service account, each
 * domain's domain-wide delegation table (client id → scopes) and users with their services
 * on or off, the items the checks create, and injected faults. In memory only.
 */

export type GoogleService = "calendar" | "contacts" | "gmail";
export type GoogleRoute = "token" | "calendar" | "people" | "gmail";

export type GoogleUser = { address: string; services: Record<GoogleService, boolean> };

export type Delegation = { scopes: string[]; /** Epoch ms before which Google has not applied it yet. */ appliesAt: number };

export type GoogleDomain = { name: string; delegations: Map<string, Delegation>; users: Map<string, GoogleUser> };

export type GoogleFaultEffect =
  | { type: "status"; status: number; retryAfterSeconds?: number; /** errors[].reason, Google's legacy envelope. */ reason?: string }
  | { type: "hang" };

export type GoogleFault = { route: GoogleRoute | "any"; user?: string; /** Only requests with this method (e.g. DELETE). */ method?: string; effect: GoogleFaultEffect; times?: number; hits: number };

export type GoogleRequestLogEntry = { method: string; route: GoogleRoute | "unknown"; path: string; status: number; startedAt: number; endedAt: number; user?: string };

export type GoogleSimState = {
  vendor: { clientId: string; clientEmail: string; publicKeyPem: string; keyRevoked: boolean; disabledApis: Set<GoogleRoute>; /** Added to the simulator's clock. */ clockSkewSeconds: number };
  domains: Map<string, GoogleDomain>;
  tokens: Map<string, { user: string; scope: string; expiresAt: number }>;
  events: Map<string, Map<string, unknown>>;
  contacts: Map<string, Map<string, unknown>>;
  sent: Array<{ user: string; raw: string }>;
  faults: GoogleFault[];
  requests: GoogleRequestLogEntry[];
  latencyMs: number;
  /** Items the cleanup must remove: kept so tests can tell a leftover from a deletion. */
  deletedItems: number;
};

export const VENDOR_SERVICE_ACCOUNT = {
  clientId: "118243156874229163201",
  clientEmail: "moxiengage-sync@moxiengage-sync.iam.gserviceaccount.com",
} as const;

const ALL_ON: Record<GoogleService, boolean> = { calendar: true, contacts: true, gmail: true };

const [CALENDAR_SCOPE, CONTACTS_SCOPE] = GOOGLE_SCOPE_STRINGS as [string, string, string];

/** The domains and users the scenarios use (sim/google/scenarios.ts lists them for people). */
export function googleSeed(): Array<{ name: string; delegated?: string[]; users: Array<{ local: string; off?: GoogleService[] }> }> {
  return [
    {
      name: "maplegrove.example",
      delegated: [...GOOGLE_SCOPE_STRINGS],
      users: [{ local: "agent" }, { local: "calendar-off", off: ["calendar"] }, { local: "contacts-off", off: ["contacts"] }, { local: "gmail-off", off: ["gmail"] }],
    },
    { name: "oakridge.example", delegated: [CALENDAR_SCOPE, CONTACTS_SCOPE], users: [{ local: "agent" }] },
    { name: "willowbend.example", users: [{ local: "agent" }] },
  ];
}

export function googleStateFromSeed(publicKeyPem: string, latencyMs = 0): GoogleSimState {
  const domains = new Map<string, GoogleDomain>();
  for (const d of googleSeed()) {
    const delegations = new Map<string, Delegation>();
    if (d.delegated) delegations.set(VENDOR_SERVICE_ACCOUNT.clientId, { scopes: d.delegated, appliesAt: 0 });
    const users = new Map<string, GoogleUser>();
    for (const u of d.users) {
      const address = `${u.local}@${d.name}`;
      const services = { ...ALL_ON };
      for (const s of u.off ?? []) services[s] = false;
      users.set(address, { address, services });
    }
    domains.set(d.name, { name: d.name, delegations, users });
  }
  return {
    vendor: { ...VENDOR_SERVICE_ACCOUNT, publicKeyPem, keyRevoked: false, disabledApis: new Set(), clockSkewSeconds: 0 },
    domains,
    tokens: new Map(),
    events: new Map(),
    contacts: new Map(),
    sent: [],
    faults: [],
    requests: [],
    latencyMs,
    deletedItems: 0,
  };
}

export const domainOf = (address: string) => address.slice(address.lastIndexOf("@") + 1).toLowerCase();

export function findUser(state: GoogleSimState, address: string): GoogleUser | undefined {
  return state.domains.get(domainOf(address))?.users.get(address.toLowerCase());
}

/** Items the checks created and did not delete, per user. */
export function leftoverItems(state: GoogleSimState): number {
  let n = 0;
  for (const m of [...state.events.values(), ...state.contacts.values()]) n += m.size;
  return n;
}
