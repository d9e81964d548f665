import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import https from "node:https";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { discoverTenant } from "@/lib/microsoft/discovery";
import { ensureSimulatorCertificate } from "@/sim/certificate";
import { APPS, MAILBOXES, TENANTS } from "@/sim/scenarios";
import { criticalPathRoundTrips } from "@/sim/round-trips";
import { simulatorCaFile } from "@/sim/trust";
import type { RunningSimulator } from "@/sim/server";
import { startTestSimulator } from "../support/simulator";

/** The simulator itself: its certificate, its control API over HTTP, and discovery against it. */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});

const control = (method: string, path: string, body?: unknown) =>
  fetch(`${sim.url}/_sim${path}`, { method, headers: body ? { "content-type": "application/json" } : {}, body: body ? JSON.stringify(body) : undefined });

async function token(clientId: string, secret: string) {
  const response = await fetch(`${sim.authorityHost}/${TENANTS.harbor.id}/oauth2/v2.0/token`, {
    method: "POST",
    body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: secret, scope: `${sim.graphUrl}/.default` }),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe("the simulator's certificate", () => {
  it("is a localhost certificate signed by the CA that NODE_EXTRA_CA_CERTS names, reused across starts", () => {
    const first = ensureSimulatorCertificate();
    const cert = new X509Certificate(first.certPem);
    expect(cert.verify(new X509Certificate(first.caPem).publicKey)).toBe(true);
    expect(cert.checkHost("localhost")).toBe("localhost");
    expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(ensureSimulatorCertificate().certPem).toBe(first.certPem);
    expect(sim.caCertPath).toBe(first.caCertPath);
  });

  it("makes a fresh CA and server certificate (node-forge) that a TLS client trusting only that CA accepts", async () => {
    const fresh = ensureSimulatorCertificate(path.join(mkdtempSync(path.join(tmpdir(), "sim-tls-")), "tls"));
    const server = https.createServer({ cert: fresh.certPem, key: fresh.keyPem }, (_req, res) => res.end("ok"));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      for (const host of ["localhost", "127.0.0.1"]) {
        const body = await new Promise<string>((resolve, reject) => {
          https
            .get({ host, port, path: "/", ca: fresh.caPem, servername: host === "localhost" ? host : undefined }, (res) => {
              let text = "";
              res.on("data", (d) => (text += d));
              res.on("end", () => resolve(text));
            })
            .on("error", reject);
        });
        expect(body).toBe("ok");
      }
      // Another CA's client refuses it.
      const other = ensureSimulatorCertificate(path.join(mkdtempSync(path.join(tmpdir(), "sim-tls-")), "tls"));
      await expect(
        new Promise((resolve, reject) => https.get({ host: "localhost", port, path: "/", ca: other.caPem }, resolve).on("error", reject)),
      ).rejects.toThrow(/self.signed|unable to verify|certificate/i);
    } finally {
      server.close();
    }
  });

  it("is bundled with a CA file NODE_EXTRA_CA_CERTS already names, rather than replacing it", () => {
    const { caCertPath, caPem } = ensureSimulatorCertificate();
    expect(simulatorCaFile("")).toBe(caCertPath);
    expect(simulatorCaFile(caCertPath)).toBe(caCertPath);
    const corporate = path.join(mkdtempSync(path.join(tmpdir(), "ca-")), "corporate.pem");
    writeFileSync(corporate, "-----BEGIN CERTIFICATE-----\nTUlJQ29ycG9yYXRl\n-----END CERTIFICATE-----\n");
    const bundlePath = simulatorCaFile(corporate);
    const bundle = readFileSync(bundlePath, "utf8");
    expect(bundle).toContain("TUlJQ29ycG9yYXRl");
    expect(bundle).toContain(caPem.trim());
    expect(simulatorCaFile(bundlePath)).toBe(bundlePath);
  });
});

describe("the control API", () => {
  it("lists the scenarios with the values to type", async () => {
    const scenarios = (await (await control("GET", "/scenarios")).json()) as Array<{ key: string; values: { clientId: string } }>;
    expect(scenarios.find((s) => s.key === "good")?.values.clientId).toBe(APPS.sync.clientId);
  });

  it("grants consent, revokes and adds secrets, and resets", async () => {
    expect((await token(APPS.unconsented.clientId, APPS.unconsented.secret)).body.access_token).toBeTruthy();
    const patched = await control("PATCH", `/apps/${APPS.unconsented.clientId}`, { roles: ["Mail.Send"] });
    expect(((await patched.json()) as { roles: string[] }).roles).toEqual(["Mail.Send"]);

    expect((await control("DELETE", `/apps/${APPS.sync.clientId}/secrets/${APPS.sync.secretId}`)).status).toBe(204);
    expect((await token(APPS.sync.clientId, APPS.sync.secret)).body.error_codes).toEqual([7000215]);
    const added = (await (await control("POST", `/apps/${APPS.sync.clientId}/secrets`, {})).json()) as { value: string; keyId: string };
    expect(added.value).toHaveLength(40);
    expect((await token(APPS.sync.clientId, added.value)).status).toBe(200);

    expect((await control("POST", "/reset")).status).toBe(204);
    expect((await token(APPS.sync.clientId, APPS.sync.secret)).status).toBe(200);
  });

  it("changes mailboxes and injects faults, refusing what it does not understand", async () => {
    const box = await control("PATCH", `/mailboxes/${encodeURIComponent(MAILBOXES.agent)}`, { state: "unlicensed" });
    expect(((await box.json()) as { state: string }).state).toBe("unlicensed");
    expect((await control("PATCH", `/mailboxes/${encodeURIComponent(MAILBOXES.agent)}`, { state: "sleeping" })).status).toBe(400);
    expect((await control("POST", "/faults", { route: "token", effect: { type: "status", status: 503 } })).status).toBe(201);
    expect((await token(APPS.sync.clientId, APPS.sync.secret)).status).toBe(503);
    expect((await control("POST", "/faults", { route: "nowhere", effect: { type: "hang" } })).status).toBe(400);
    expect((await control("DELETE", "/faults")).status).toBe(204);
    expect((await token(APPS.sync.clientId, APPS.sync.secret)).status).toBe(200);
    expect((await control("POST", "/scenarios/unknown-tenant/fix")).status).toBe(409);
    expect((await control("GET", "/nothing-here")).status).toBe(404);
    await control("POST", "/reset");
  });

  it("answers Graph like Exchange: 429 MailboxConcurrency past 4 requests at once", async () => {
    const { access_token } = (await token(APPS.sync.clientId, APPS.sync.secret)).body as { access_token: string };
    sim.control.addFault({ route: "calendar.list", effect: { type: "delay", ms: 300 } });
    const statuses = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${sim.graphUrl}/v1.0/users/${encodeURIComponent(MAILBOXES.agent)}/events`, { headers: { authorization: `Bearer ${access_token}` } }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(4);
    expect(statuses.filter((s) => s === 429)).toHaveLength(2);
    sim.control.reset();
  });

  it("refuses Graph requests without a valid token, and reads of the user object", async () => {
    const path = `${sim.graphUrl}/v1.0/users/${encodeURIComponent(MAILBOXES.agent)}`;
    const anonymous = await fetch(`${path}/events`);
    expect(anonymous.status).toBe(401);
    expect(((await anonymous.json()) as { error: { code: string } }).error.code).toBe("InvalidAuthenticationToken");
    const { access_token } = (await token(APPS.sync.clientId, APPS.sync.secret)).body as { access_token: string };
    const user = await fetch(path, { headers: { authorization: `Bearer ${access_token}` } });
    expect(user.status).toBe(403);
    expect(((await user.json()) as { error: { code: string } }).error.code).toBe("Authorization_RequestDenied");
  });
});

describe("tenant discovery against the simulator", () => {
  const discover = (value: string) => discoverTenant(value, { authorityHost: sim.authorityHost });

  it("finds a tenant by id and by domain", async () => {
    expect(await discover(TENANTS.harbor.id)).toEqual({ status: "found", tenantId: TENANTS.harbor.id });
    expect(await discover("HARBOR.example")).toEqual({ status: "found", tenantId: TENANTS.harbor.id });
  });

  it("reports a missing tenant with Microsoft's code, without a request for a malformed one", async () => {
    expect(await discover("5b491561-37c6-4e98-8f3e-885ee1e437b7")).toMatchObject({ status: "not-found", microsoft: { code: "AADSTS90002" } });
    sim.control.clearRequests();
    expect(await discover("not a tenant/../x")).toEqual({ status: "not-found" });
    expect(sim.control.requests()).toEqual([]);
  });

  it("names the national cloud, and is unavailable during an outage", async () => {
    expect(await discover(TENANTS.liberty.id)).toEqual({ status: "other-cloud", cloud: "Microsoft 365 for US Government (GCC High or DoD)" });
    expect(await discover(TENANTS.coastal.id)).toEqual({ status: "unavailable" });
  });
});

describe("counting round trips on the critical path", () => {
  it("counts requests that overlap as one step and requests that wait as separate steps", () => {
    const at = (startedAt: number, endedAt: number) => ({ startedAt, endedAt });
    expect(criticalPathRoundTrips([])).toBe(0);
    expect(criticalPathRoundTrips([at(0, 100), at(1, 101), at(2, 102)])).toBe(1);
    expect(criticalPathRoundTrips([at(0, 100), at(100, 200), at(200, 300)])).toBe(3);
    // discovery and token together, three reads, two creates, two deletes
    const run = [at(0, 100), at(0, 100), at(0, 100), at(101, 200), at(101, 200), at(101, 200), at(201, 300), at(201, 300), at(301, 400), at(301, 400)];
    expect(criticalPathRoundTrips(run)).toBe(4);
  });
});
