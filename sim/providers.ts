import type { ProviderKind } from "../lib/providers/types";

/**
 * The email providers the simulator and its DNS server play (DESIGN §6, §10): one domain
 * per detection case, for the demo, the tests and the e2e specs. Microsoft's side (tenants,
 * realms) lives in the simulator's seed; the mail side in the DNS zone below.
 */

/** A Microsoft 365 tenant bought through GoDaddy: its custom domain's sign-in is federated to GoDaddy. */
export const GODADDY_TENANT = {
  id: "3f9c2d71-6a4e-4b8f-9d05-2c7e1a8b4f60",
  name: "Pinecrest Realty",
  domains: ["pinecrest.example", "netorgft4821937.onmicrosoft.com"],
  federation: {
    domains: ["pinecrest.example"],
    protocol: "WSTrust",
    // GoDaddy's sign-in host for the Microsoft 365 it sells; the realm answer names it.
    authUrl: "https://sso.secureserver.net/?realm=pass&app=o365",
  },
} as const;

export const GODADDY_APP = {
  clientId: "b7d40e9a-1c3f-4e52-8a6d-0f9e2b7c5d14",
  name: "MoxiEngage Sync",
  secret: "pQr4Q~Xy7Zb2Nc9Vd1Lk3Mh5Jg8Ft0Sa6Wq.e_Ru",
  secretId: "6e2a9f41-8b3c-4d75-a0e6-93f1c2b8d457",
} as const;

export const GODADDY_MAILBOX = "agent@pinecrest.example";

export type DnsAnswer = { mx: Array<{ exchange: string; priority: number }> } | { rcode: "NXDOMAIN" | "SERVFAIL" };

export type ProviderCase = {
  key: string;
  title: string;
  domain: string;
  expected: ProviderKind;
  /** Where the start page leads for it. */
  path: string;
};

export const PROVIDER_CASES: ProviderCase[] = [
  { key: "microsoft", title: "Microsoft 365", domain: "harbor.example", expected: "microsoft-managed", path: "/guide" },
  { key: "godaddy", title: "Microsoft 365 bought through GoDaddy", domain: "pinecrest.example", expected: "microsoft-federated", path: "/guide/godaddy" },
  { key: "google", title: "Google Workspace", domain: "maplegrove.example", expected: "google-workspace", path: "/guide/google-workspace" },
  { key: "other", title: "Another email host", domain: "cedarhomes.example", expected: "other", path: "/guide/other-email" },
  { key: "no-mail", title: "A domain that receives no mail", domain: "birchlane.example", expected: "other", path: "/guide/other-email" },
  { key: "unknown", title: "DNS fails for the domain: the portal cannot tell", domain: "foggyridge.example", expected: "unknown", path: "/email-provider" },
];

/** Google Workspace's MX hosts, as Google's setup instructions list them. */
const googleMx = {
  mx: [
    { exchange: "aspmx.l.google.com", priority: 1 },
    { exchange: "alt1.aspmx.l.google.com", priority: 5 },
    { exchange: "alt2.aspmx.l.google.com", priority: 5 },
  ],
};

const microsoftMx = (domain: string) => ({ mx: [{ exchange: `${domain.replace(/\./g, "-")}.mail.protection.outlook.com`, priority: 0 }] });

/** Names the DNS server knows; any other name answers NXDOMAIN. A name with `mx: []` exists with no MX. */
export function providerZone(): Map<string, DnsAnswer> {
  return new Map<string, DnsAnswer>([
    ["harbor.example", microsoftMx("harbor.example")],
    ["summit.example", microsoftMx("summit.example")],
    ["libertyfed.example", microsoftMx("libertyfed.example")],
    ["coastal.example", microsoftMx("coastal.example")],
    ["pinecrest.example", microsoftMx("pinecrest.example")],
    [
      "maplegrove.example",
      {
        mx: [
          { exchange: "aspmx.l.google.com", priority: 1 },
          { exchange: "alt1.aspmx.l.google.com", priority: 5 },
          { exchange: "alt2.aspmx.l.google.com", priority: 5 },
          { exchange: "alt3.aspmx.l.google.com", priority: 10 },
          { exchange: "alt4.aspmx.l.google.com", priority: 10 },
        ],
      },
    ],
    ["oakridge.example", googleMx],
    ["willowbend.example", googleMx],
    ["cedarhomes.example", { mx: [{ exchange: "mx1.mailhost.example", priority: 10 }, { exchange: "mx2.mailhost.example", priority: 20 }] }],
    ["birchlane.example", { mx: [] }],
    ["foggyridge.example", { rcode: "SERVFAIL" }],
  ]);
}

/** The demo's lines: one domain per case and where it leads. */
export function providerTable(): string {
  const rows = PROVIDER_CASES.map((c) => [c.domain, c.expected, c.path, c.title]);
  const header = ["email domain", "detected", "leads to", "case"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
