import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runAction } from "@/lib/actions/action";
import { db } from "@/lib/db/client";
import { brokerages } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { listPipeline, type PipelineFilters } from "@/lib/onboarding/pipeline";
import { refreshBrokerageProviders } from "@/lib/providers/brokerage-provider";
import { clearProviderCache, detectProvider, DETECTION_BOUND_MS, type DetectOptions } from "@/lib/providers/detect";
import { branchOf } from "@/lib/providers/describe";
import { lookupTenantForMailbox } from "@/lib/submissions/tenant-lookup";
import { runVerification } from "@/lib/verification/run";
import { startDnsServer, type RunningDnsServer } from "@/sim/dns";
import { GODADDY_APP, GODADDY_MAILBOX, GODADDY_TENANT, PROVIDER_CASES } from "@/sim/providers";
import { TENANTS } from "@/sim/scenarios";
import type { RunningSimulator } from "@/sim/server";
import { brokerageRequest, brokerageWithInvite } from "../support/brokerages";
import { startTestSimulator } from "../support/simulator";

/**
 * Provider detection through the real paths: HTTPS to the simulator's OpenID and
 * user-realm endpoints, node:dns to a local DNS server, and failures of each,
 * always within the detection's bound.
 */

let sim: RunningSimulator;
let dns: RunningDnsServer;
let silentDns: RunningDnsServer;
/** Scheduling slack over the bound on a shared two-core machine. */
const SLACK_MS = 150;

beforeAll(async () => {
  [sim, dns, silentDns] = await Promise.all([startTestSimulator(), startDnsServer(), startDnsServer({ silent: true })]);
});
afterAll(async () => {
  await Promise.all([sim?.stop(), dns?.stop(), silentDns?.stop()]);
});
beforeEach(() => {
  sim.control.reset();
  clearProviderCache();
});

const options = (o: DetectOptions = {}): DetectOptions => ({ authorityHost: sim.authorityHost, dnsServers: [dns.address], cache: false, ...o });

async function timed(domain: string, o: DetectOptions = {}) {
  const started = performance.now();
  const detection = await detectProvider(domain, options(o));
  const elapsed = performance.now() - started;
  expect(elapsed).toBeLessThanOrEqual((o.boundMs ?? DETECTION_BOUND_MS) + SLACK_MS);
  return { detection, elapsed };
}

describe("each case through HTTPS and DNS", () => {
  it("Microsoft 365, managed: the tenant, a managed realm and Microsoft's MX", async () => {
    const { detection } = await timed("Agent@Harbor.example");
    expect(detection).toMatchObject({
      domain: "harbor.example",
      kind: "microsoft-managed",
      tenantId: TENANTS.harbor.id,
      mx: [{ exchange: "harbor-example.mail.protection.outlook.com", priority: 0 }],
      sources: { openId: { status: "found" }, userRealm: { status: "managed", brandName: "Harbor Realty" }, mx: { status: "found", class: "microsoft" } },
    });
    expect(detection.federationBrand).toBeUndefined();
    expect(branchOf(detection)).toBe("microsoft");
    expect(sim.control.requests().map((r) => r.route).sort()).toEqual(["discovery", "userrealm"]);
    expect(dns.questions).toContain("harbor.example MX");
  });

  it("Microsoft 365 bought through GoDaddy: federated, GoDaddy's sign-in host", async () => {
    const { detection } = await timed("pinecrest.example");
    expect(detection).toMatchObject({
      kind: "microsoft-federated",
      tenantId: GODADDY_TENANT.id,
      federationBrand: "godaddy",
      signInHost: "sso.secureserver.net",
      sources: { userRealm: { status: "federated", protocol: "WSTrust", brandName: GODADDY_TENANT.name } },
    });
    expect(branchOf(detection)).toBe("godaddy");
  });

  it("Google Workspace from Google's MX, other MX, and no MX", async () => {
    const google = (await timed("maplegrove.example")).detection;
    expect(google).toMatchObject({ kind: "google-workspace", sources: { openId: { status: "not-found" }, userRealm: { status: "unknown" }, mx: { class: "google" } } });
    expect(google.mx[0]).toEqual({ exchange: "aspmx.l.google.com", priority: 1 });

    const other = (await timed("cedarhomes.example")).detection;
    expect(other).toMatchObject({ kind: "other", mx: [{ exchange: "mx1.mailhost.example" }, { exchange: "mx2.mailhost.example" }], sources: { mx: { class: "other" } } });

    const none = (await timed("birchlane.example")).detection;
    expect(none).toMatchObject({ kind: "other", mx: [], sources: { mx: { status: "none" } } });
    // A name the DNS server does not know (NXDOMAIN) is no mail either.
    expect((await timed("nowhere.example")).detection).toMatchObject({ kind: "other", sources: { mx: { status: "none" } } });
  });

  it("matches every demo case's expectation", async () => {
    for (const c of PROVIDER_CASES) {
      const { detection } = await timed(c.domain);
      expect(detection.kind, c.domain).toBe(c.expected);
    }
  });
});

describe("the simulator's user-realm endpoints, in Microsoft's two shapes", () => {
  const get = async (path: string) => (await fetch(`${sim.url}${path}`)).json() as Promise<Record<string, unknown>>;

  it("common/userrealm (api-version 2.1): Managed, Federated with GoDaddy's sign-in page, Unknown", async () => {
    expect(await get("/common/userrealm/user%40harbor.example?api-version=2.1")).toMatchObject({ NameSpaceType: "Managed", DomainName: "harbor.example", FederationBrandName: "Harbor Realty", cloud_instance_name: "microsoftonline.com" });
    expect(await get("/common/userrealm/user%40pinecrest.example?api-version=2.1")).toMatchObject({
      NameSpaceType: "Federated",
      federation_protocol: "WSTrust",
      AuthURL: "https://sso.secureserver.net/?realm=pass&app=o365&login=user%40pinecrest.example",
    });
    // The tenant's own onmicrosoft.com domain stays managed: that is why its built-in administrator signs in at Microsoft.
    expect(await get("/common/userrealm/admin%40netorgft4821937.onmicrosoft.com?api-version=2.1")).toMatchObject({ NameSpaceType: "Managed" });
    expect(await get("/common/userrealm/user%40maplegrove.example?api-version=2.1")).toEqual({ NameSpaceType: "Unknown", Login: "user@maplegrove.example", DomainName: "maplegrove.example" });
  });

  it("getuserrealm.srf (json=1): the older names, and the same answers", async () => {
    expect(await get("/getuserrealm.srf?login=user@pinecrest.example&json=1")).toMatchObject({ State: 3, NameSpaceType: "Federated", FederationGlobalVersion: -1, CloudInstanceName: "microsoftonline.com" });
    expect(await get("/getuserrealm.srf?login=user@harbor.example&json=1")).toMatchObject({ State: 4, NameSpaceType: "Managed", CloudInstanceIssuerUri: "urn:federation:MicrosoftOnline" });
    expect(await get("/getuserrealm.srf?login=user@cedarhomes.example&json=1")).toEqual({ State: 4, UserState: 1, Login: "user@cedarhomes.example", NameSpaceType: "Unknown" });
  });
});

describe("failures: unknown is an answer, within the bound", () => {
  it("a DNS server that never answers: Microsoft still decides, and a domain Microsoft does not know is unknown", async () => {
    const managed = await timed("harbor.example", { dnsServers: [silentDns.address], boundMs: 1_500, lookupTimeoutMs: 1_000 });
    expect(managed.detection).toMatchObject({ kind: "microsoft-managed", tenantId: TENANTS.harbor.id, sources: { mx: { status: "unavailable" } } });
    expect(managed.elapsed).toBeGreaterThanOrEqual(900);
    expect(silentDns.questions).toContain("harbor.example MX");

    const other = await timed("cedarhomes.example", { dnsServers: [silentDns.address] });
    expect(other.detection).toMatchObject({ kind: "unknown", mx: [], sources: { mx: { status: "unavailable" } } });
  });

  it("the user-realm endpoint down (503) or hanging: the tenant still names Microsoft 365, and GoDaddy is not claimed", async () => {
    sim.control.addFault({ route: "userrealm", effect: { type: "status", status: 503 } });
    const down = await timed("harbor.example");
    expect(down.detection).toMatchObject({ kind: "microsoft-managed", sources: { userRealm: { status: "unavailable" }, openId: { status: "found" } } });
    expect((await timed("pinecrest.example")).detection).toMatchObject({ kind: "microsoft-managed", tenantId: GODADDY_TENANT.id });

    sim.control.reset();
    sim.control.addFault({ route: "userrealm", effect: { type: "hang" } });
    const hung = await timed("harbor.example", { boundMs: 1_200, lookupTimeoutMs: 5_000 });
    expect(hung.detection).toMatchObject({ kind: "microsoft-managed", sources: { userRealm: { status: "unavailable" } } });
    expect(hung.elapsed).toBeGreaterThanOrEqual(1_100);
  });

  it("everything failing at once still answers unknown within the bound", async () => {
    sim.control.addFault({ route: "any", effect: { type: "hang" } });
    const { detection, elapsed } = await timed("pinecrest.example", { dnsServers: [silentDns.address] });
    expect(detection).toMatchObject({ kind: "unknown", sources: { openId: { status: "unavailable" }, userRealm: { status: "unavailable" }, mx: { status: "unavailable" } } });
    expect(elapsed).toBeGreaterThanOrEqual(DETECTION_BOUND_MS - 600);
  });

  it("a value that is no domain name is looked up nowhere", async () => {
    const { detection } = await timed("localhost/../_sim");
    expect(detection.kind).toBe("unknown");
    expect(sim.control.requests()).toEqual([]);
  });
});

describe("the cache", () => {
  it("answers a domain again from memory, and shares one detection between concurrent callers", async () => {
    const cached = { ...options(), cache: true };
    const [a, b] = await Promise.all([detectProvider("harbor.example", cached), detectProvider("harbor.example", cached)]);
    expect(a).toBe(b);
    const again = await detectProvider("HARBOR.example", cached);
    expect(again).toBe(a);
    expect(sim.control.requests()).toHaveLength(2);
  });
});

describe("detection guides, never blocks", () => {
  it("a GoDaddy-federated tenant still verifies with its own app registration", async () => {
    const report = await runVerification(
      { tenantId: GODADDY_TENANT.id, clientId: GODADDY_APP.clientId, clientSecret: GODADDY_APP.secret, testMailbox: GODADDY_MAILBOX },
      { endpoints: sim },
    );
    expect(report.outcome).toBe("verified");
  });
});

describe("the form's tenant suggestion", () => {
  it("offers the tenant and points a GoDaddy-managed or Google Workspace domain to its branch", async () => {
    process.env.MICROSOFT_AUTHORITY_HOST = sim.authorityHost;
    process.env.DNS_SERVERS = dns.address;
    resetEnvCache();
    const { brokerage, inviteId } = await brokerageWithInvite("Suggestion Realty");
    const lookup = async (mailbox: string) => (await runAction(lookupTenantForMailbox, mailbox, await brokerageRequest({ brokerageId: brokerage.id, inviteId }))).state;

    expect((await lookup(GODADDY_MAILBOX)).result).toEqual({
      status: "found",
      domain: "pinecrest.example",
      tenantId: GODADDY_TENANT.id.toLowerCase(),
      branch: "godaddy",
      branchPath: "/guide/godaddy",
    });
    expect((await lookup("agent@harbor.example")).result).toEqual({ status: "found", domain: "harbor.example", tenantId: TENANTS.harbor.id.toLowerCase() });
    expect((await lookup("agent@maplegrove.example")).result).toMatchObject({ domain: "maplegrove.example", branch: "google-workspace", branchPath: "/guide/google-workspace" });
  });
});

describe("the stored provider behind the pipeline's filter", () => {
  it("the hourly sweep looks up brokerages never checked, and the pipeline filters on what it found", async () => {
    process.env.MICROSOFT_AUTHORITY_HOST = sim.authorityHost;
    process.env.DNS_SERVERS = dns.address;
    resetEnvCache();
    await db()
      .insert(brokerages)
      .values([
        { name: "Pinecrest Filter Realty", emailDomain: "pinecrest.example" },
        { name: "Maple Filter Realty", emailDomain: "maplegrove.example" },
        { name: "Harbor Filter Realty", emailDomain: "harbor.example" },
      ]);
    const names = async (filters: PipelineFilters) => (await listPipeline({ q: "Filter Realty", ...filters })).rows.map((r) => r.name).sort();
    expect(await names({ provider: "unchecked" })).toEqual(["Harbor Filter Realty", "Maple Filter Realty", "Pinecrest Filter Realty"]);

    expect(await refreshBrokerageProviders()).toBeGreaterThanOrEqual(3);
    expect(await names({ provider: "godaddy" })).toEqual(["Pinecrest Filter Realty"]);
    expect(await names({ provider: "google-workspace" })).toEqual(["Maple Filter Realty"]);
    expect(await names({ provider: "microsoft" })).toEqual(["Harbor Filter Realty"]);
    expect(await names({ provider: "unchecked" })).toEqual([]);
    // Checked just now: the next sweep leaves them alone.
    expect(await refreshBrokerageProviders()).toBe(0);
  });
});
