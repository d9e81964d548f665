import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runVerification } from "@/lib/verification/run";
import type { VerificationReport } from "@/lib/verification/types";

/**
 * Answers recorded from Microsoft (as quoted in public issue reports), replayed by
 * a plain-HTTP server: the checks must classify real bodies, not only the
 * simulator's, and work when the configured hosts are not Microsoft's.
 */

const TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
const CLIENT = "a8fdfbd0-da97-42d9-8f1a-fd6a7cb650b4";
const MAILBOX = "agent@contoso.example";
const SECRET = "Abc1Q~replay-secret-value-not-a-real-one-0";

type Reply = { status: number; body?: unknown; headers?: Record<string, string> };
let routes: Record<string, Reply | undefined> = {};
const seen: Array<{ method: string; url: string; authorization?: string }> = [];

function fakeJwt(claims: Record<string, unknown>) {
  const part = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
  return `${part({ typ: "JWT", alg: "RS256", x5t: "replay" })}.${part(claims)}.c2lnbmF0dXJl`;
}

const openIdDocument = (host: string) => ({
  token_endpoint: `${host}/${TENANT}/oauth2/v2.0/token`,
  issuer: `https://login.microsoftonline.com/${TENANT}/v2.0`,
  authorization_endpoint: `${host}/${TENANT}/oauth2/v2.0/authorize`,
  tenant_region_scope: "NA",
  cloud_instance_name: "microsoftonline.com",
  cloud_graph_host_name: "graph.windows.net",
  msgraph_host: "graph.microsoft.com",
});

const tokenOk = (roles: string[]): Reply => ({
  status: 200,
  body: { token_type: "Bearer", expires_in: 3599, ext_expires_in: 3599, access_token: fakeJwt({ aud: "https://graph.microsoft.com", tid: TENANT, appid: CLIENT, roles, ver: "1.0" }) },
});

const published = {
  invalidSecret: {
    status: 401,
    body: {
      error: "invalid_client",
      error_description: `AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${CLIENT}'.\r\nTrace ID: 6f6c4645-0202-4486-b625-fa957dfc4700\r\nCorrelation ID: 5fc87507-4086-4e77-b415-cee677eb232e\r\nTimestamp: 2023-05-06 06:03:00Z`,
      error_codes: [7000215],
      timestamp: "2023-05-06 06:03:00Z",
      trace_id: "6f6c4645-0202-4486-b625-fa957dfc4700",
      correlation_id: "5fc87507-4086-4e77-b415-cee677eb232e",
      error_uri: "https://login.microsoftonline.com/error?code=7000215",
    },
  },
  tenantNotFound: {
    status: 400,
    body: {
      error: "invalid_tenant",
      error_description: `AADSTS90002: Tenant '${TENANT}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.\r\nTrace ID: e9a899ac-eed7-4828-a580-2c0b8ffb2100\r\nCorrelation ID: 22a58ae7-fe96-44eb-8610-5eeb970d5089\r\nTimestamp: 2023-06-07 08:06:56Z`,
      error_codes: [90002],
      timestamp: "2023-06-07 08:06:56Z",
      trace_id: "e9a899ac-eed7-4828-a580-2c0b8ffb2100",
      correlation_id: "22a58ae7-fe96-44eb-8610-5eeb970d5089",
      error_uri: "https://login.microsoftonline.com/error?code=90002",
    },
  },
  appDisabled: { status: 400, body: { error: "unauthorized_client", error_description: `AADSTS7000112: Application '${CLIENT}'(worklytics-azuread-connector) is disabled.` } },
  mailboxNotEnabled: {
    status: 404,
    body: { error: { code: "MailboxNotEnabledForRESTAPI", message: "The mailbox is either inactive, soft-deleted, or is hosted on-premise.", innerError: { date: "2023-01-05T03:01:23", "request-id": "5e2f8c0a-3e33-4b1e-9a7b-52f1f2c0d6a1", "client-request-id": "5e2f8c0a-3e33-4b1e-9a7b-52f1f2c0d6a1" } } },
  },
  odataDisabled: { status: 403, body: { error: { code: "ErrorAccessDenied", message: "Access to OData is disabled." } }, headers: { "request-id": "25f33f36-cd6f-41bc-af91-87fe9fdadead" } },
} satisfies Record<string, Reply>;

let server: Server;
let host: string;

function answer(req: IncomingMessage, res: ServerResponse) {
  const url = new URL(req.url ?? "/", host);
  seen.push({ method: req.method ?? "", url: url.pathname, authorization: req.headers.authorization });
  req.resume();
  req.on("end", () => {
    const segments = url.pathname.split("/").filter(Boolean);
    const key = url.pathname.endsWith("/openid-configuration")
      ? `discovery ${decodeURIComponent(segments[0]!)}`
      : url.pathname.endsWith("/oauth2/v2.0/token")
        ? "token"
        : `${req.method} ${segments.slice(3).join("/").replace(/\/AAMk.*$/, "/{id}")}`;
    const reply = routes[key] ?? { status: 404, body: "not recorded" };
    const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? "");
    res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
    res.end(reply.status === 204 || reply.status === 202 ? undefined : text);
  });
}

const allGood = (): Record<string, Reply> => ({
  [`discovery ${TENANT}`]: { status: 200, body: openIdDocument(host) },
  "discovery contoso.example": { status: 200, body: openIdDocument(host) },
  token: tokenOk(["Calendars.ReadWrite", "Contacts.ReadWrite", "Mail.Send"]),
  "GET events": { status: 200, body: { value: [] } },
  "GET contacts": { status: 200, body: { value: [] } },
  "POST events": { status: 201, body: { id: "AAMkAGreplayedEvent=" } },
  "POST contacts": { status: 201, body: { id: "AAMkAGreplayedContact=" } },
  "DELETE events/{id}": { status: 204 },
  "DELETE contacts/{id}": { status: 204 },
  "POST sendMail": { status: 202 },
});

beforeAll(async () => {
  server = createServer(answer);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  host = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  routes = allGood();
  seen.length = 0;
});

const verify = (secret = SECRET) =>
  runVerification({ tenantId: TENANT, clientId: CLIENT, clientSecret: secret, testMailbox: MAILBOX }, { endpoints: { authorityHost: host, graphUrl: host }, logger: pino({ level: "silent" }) });
const check = (r: VerificationReport, id: string) => r.checks.find((c) => c.id === id)!;

describe("recorded Microsoft answers over plain HTTP", () => {
  it("verifies when every answer is a success, sending the token to Graph", async () => {
    const report = await verify();
    expect(report.outcome).toBe("verified");
    const graphCalls = seen.filter((s) => s.url.startsWith("/v1.0/"));
    expect(graphCalls).toHaveLength(7);
    for (const call of graphCalls) expect(call.authorization).toMatch(/^Bearer eyJ/);
  });

  it("a rejected secret value, and a pasted Secret ID", async () => {
    routes.token = published.invalidSecret;
    expect(check(await verify(), "token")).toMatchObject({ reason: "secret-invalid", microsoft: { code: "AADSTS7000215", requestId: "6f6c4645-0202-4486-b625-fa957dfc4700" } });
    expect(check(await verify("c1d2e3f4-a5b6-4c7d-8e9f-0a1b2c3d4e5f"), "token").reason).toBe("secret-is-secret-id");
  });

  it("an unknown tenant, from discovery and from the token endpoint", async () => {
    routes[`discovery ${TENANT}`] = published.tenantNotFound;
    routes.token = published.tenantNotFound;
    const report = await verify();
    expect(check(report, "tenant")).toMatchObject({ status: "fail", reason: "tenant-not-found", microsoft: { code: "AADSTS90002" } });
    expect(check(report, "token")).toMatchObject({ status: "fail", reason: "tenant-not-found" });
  });

  it("a disabled app, whose body carries the code only in its description", async () => {
    routes.token = published.appDisabled;
    expect(check(await verify(), "token")).toMatchObject({ status: "fail", reason: "app-disabled", microsoft: { code: "AADSTS7000112" } });
  });

  it("an unlicensed mailbox and an application access policy", async () => {
    routes["GET events"] = published.mailboxNotEnabled;
    routes["GET contacts"] = published.odataDisabled;
    const report = await verify();
    expect(check(report, "calendar.read")).toMatchObject({ reason: "mailbox-not-enabled", microsoft: { code: "MailboxNotEnabledForRESTAPI", timestamp: "2023-01-05T03:01:23Z" } });
    expect(check(report, "contacts.read")).toMatchObject({ reason: "access-policy-denied", microsoft: { requestId: "25f33f36-cd6f-41bc-af91-87fe9fdadead" } });
  });

  it("a token without roles means consent was not granted", async () => {
    routes.token = tokenOk([]);
    expect(check(await verify(), "permissions")).toMatchObject({ status: "fail", reason: "consent-missing" });
  });

  it("an endpoint that answers something that is not Microsoft's is not taken for a missing tenant", async () => {
    delete routes[`discovery ${TENANT}`];
    expect(check(await verify(), "tenant")).toMatchObject({ status: "error", reason: "microsoft-unavailable" });
  });

  it("the verify command classifies a recorded answer and exits 1", async () => {
    routes.token = published.invalidSecret;
    const root = process.cwd();
    const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--import", "./scripts/runtime/server-only.mjs", "scripts/cli.ts", "verify", "--tenant", TENANT, "--client", CLIENT, "--mailbox", MAILBOX, "--json"], {
      cwd: root,
      env: { ...process.env, MICROSOFT_AUTHORITY_HOST: host, MICROSOFT_GRAPH_URL: host, VERIFY_CLIENT_SECRET: SECRET },
    });
    let stdout = "";
    child.stdout.on("data", (d) => (stdout += d));
    const code = await new Promise((resolve) => child.on("close", resolve));
    expect(code).toBe(1);
    expect(check(JSON.parse(stdout) as VerificationReport, "token").reason).toBe("secret-invalid");
  });
});
