import { spawn } from "node:child_process";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import pino from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { runVerification } from "@/lib/verification/run";
import type { RunOptions, VerificationReport } from "@/lib/verification/types";

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

/** An identity platform body as Microsoft shapes it, around a published description. */
function aadBody(status: number, error: string, code: number, description: string, ids: { trace: string; correlation: string; time: string }): Reply {
  return {
    status,
    body: {
      error,
      error_description: `AADSTS${code}: ${description}\r\nTrace ID: ${ids.trace}\r\nCorrelation ID: ${ids.correlation}\r\nTimestamp: ${ids.time}`,
      error_codes: [code],
      timestamp: ids.time,
      trace_id: ids.trace,
      correlation_id: ids.correlation,
      error_uri: `https://login.microsoftonline.com/error?code=${code}`,
    },
  };
}

/**
 * One answer per code an administrator can act on, with the description as published in
 * public reports (Azure/Commercial-Marketplace-SaaS-Accelerator#830, Cloud-Architekt/AzureAD-Attack-Defense#43,
 * AzureAD/microsoft-authentication-library-for-dotnet#3649 and #4905, Azure/azure-sdk-for-python#14241,
 * AzureAD/microsoft-authentication-library-for-python#141, AzureAD/azure-activedirectory-library-for-python#79,
 * rootinc/laravel-azure-middleware#51, MicrosoftDocs/azure-docs#32957, microsoftgraph/msgraph-sdk-javascript#252,
 * microsoftgraph/microsoft-graph-docs#3289) or, where no report quoted a whole body, in the words of
 * Microsoft's error table; ids as published, made up only where a report hid them.
 */
const tokenAnswers: Array<[string, Reply, string, string, string | undefined]> = [
  [
    "AADSTS7000229, no enterprise application",
    {
      status: 401,
      body: {
        error: "invalid_client",
        error_description: `AADSTS7000229: The client application ${CLIENT} is missing service principal in the tenant ${TENANT}. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119 Trace ID: 1f6a92a9-f3a8-4071-889a-6a2ea88d9500 Correlation ID: 0d1a5c28-3487-4767-a690-9cc680689523 Timestamp: 2025-06-09 09:07:41Z`,
      },
    },
    "fail",
    "service-principal-missing",
    "troubleshooting",
  ],
  [
    "AADSTS70001, application disabled",
    aadBody(400, "unauthorized_client", 70001, `Application with identifier '${CLIENT}' was not found in the directory contoso.onmicrosoft.com`, {
      trace: "c2423490-3795-4097-9100-c8a6d0fabcc8",
      correlation: "c2423490-3795-4097-9100-c8a6d0fabcc8",
      time: "2017-08-23 19:17:29Z",
    }),
    "fail",
    "app-disabled",
    "troubleshooting",
  ],
  [
    "AADSTS700011, application not found in the tenant",
    aadBody(400, "unauthorized_client", 700011, `Application with identifier '${CLIENT}' was not found in the directory '${TENANT}'.`, {
      trace: "daaec92a-2303-4942-b75b-35c1506faf00",
      correlation: "420d1ee5-6a41-48ff-9196-0785723f5ef9",
      time: "2019-05-08 16:38:17Z",
    }),
    "fail",
    "app-not-found",
    "copy-ids",
  ],
  [
    "AADSTS500014, Microsoft Graph disabled in the tenant",
    aadBody(
      400,
      "invalid_resource",
      500014,
      "The service principal for resource '00000003-0000-0000-c000-000000000000' is disabled. This indicate that a subscription within the tenant has lapsed, or that the administrator for this tenant has disabled the application, preventing tokens from being issued for it.",
      { trace: "3c242f86-8c36-476d-8e47-2967df0f0c00", correlation: "9a4120c1-f2e3-4490-9f79-4a4301a7af73", time: "2024-08-22 06:35:57Z" },
    ),
    "fail",
    "tenant-inactive",
    "troubleshooting",
  ],
  [
    "AADSTS500011, Microsoft Graph missing from the tenant",
    aadBody(
      400,
      "invalid_resource",
      500011,
      "The resource principal named https://graph.microsoft.com was not found in the tenant named Contoso. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You might have sent your authentication request to the wrong tenant.",
      { trace: "c89257a0-92f4-4997-bbbd-5e3eb5260c00", correlation: "5ec4303c-2af7-4faf-a6f0-6b5fee9b3186", time: "2020-08-14 08:40:57Z" },
    ),
    "fail",
    "tenant-inactive",
    "troubleshooting",
  ],
  [
    "AADSTS5000224, tenant deleted or blocked",
    aadBody(400, "invalid_request", 5000224, "We are sorry, this resource is not available. If you are seeing this message by mistake, please contact Microsoft support.", {
      trace: "7a1c3e55-92d0-4f6b-8e2a-1b5d7c9e0f44",
      correlation: "b2e4f6a8-1c3d-4e5f-9a7b-2c4d6e8f0a1b",
      time: "2025-05-02 10:14:07Z",
    }),
    "fail",
    "tenant-inactive",
    "troubleshooting",
  ],
  [
    "AADSTS50059, no tenant-identifying information",
    aadBody(400, "invalid_request", 50059, "No tenant-identifying information found in either the request or implied by any provided credentials.", {
      trace: "2427820b-55d9-4be8-943a-1497c349f200",
      correlation: "e561c394-c4e3-4c43-be57-b35e3070cac5",
      time: "2020-01-06 20:50:25Z",
    }),
    "fail",
    "tenant-not-found",
    "copy-ids",
  ],
  [
    "AADSTS50012, an assertion failure is not the secret's fault",
    {
      status: 401,
      body: {
        error: "invalid_client",
        error_description:
          "AADSTS70002: Error validating credentials. AADSTS50012: Client assertion audience claim does not match Realm issuer.\r\nTrace ID: b3a77dbe-af3b-4545-8c2c-a76ab79c15ff\r\nCorrelation ID: 5018bf95-777c-448c-96ea-19e2532cbb48\r\nTimestamp: 2017-03-08 23:18:59Z",
        error_codes: [70002, 50012],
        timestamp: "2017-03-08 23:18:59Z",
        trace_id: "b3a77dbe-af3b-4545-8c2c-a76ab79c15ff",
        correlation_id: "5018bf95-777c-448c-96ea-19e2532cbb48",
      },
    },
    "error",
    "unexpected",
    "troubleshooting",
  ],
  [
    "AADSTS90033, transient",
    {
      status: 503,
      body: {
        error: "temporarily_unavailable",
        error_description:
          "AADSTS90033: A transient error has occurred. Please try again.\r\nTrace ID: 7c3280d4-5d54-4240-bc1b-97a405a38000\r\nCorrelation ID: 1409d806-a8f8-4ba5-a6e5-1b7c68e497ce\r\nTimestamp: 2020-09-28 21:43:07Z",
        error_codes: [90033],
        timestamp: "2020-09-28 21:43:07Z",
        trace_id: "7c3280d4-5d54-4240-bc1b-97a405a38000",
        correlation_id: "1409d806-a8f8-4ba5-a6e5-1b7c68e497ce",
      },
    },
    "error",
    "microsoft-unavailable",
    undefined,
  ],
  [
    "AADSTS90024, transient (request budget exceeded)",
    aadBody(400, "invalid_request", 90024, "A transient error has occurred. Please try again.", {
      trace: "5d2b7e61-0c84-4a3f-b1e9-6f7a8c9d0e12",
      correlation: "e8f9a0b1-c2d3-4e5f-8a6b-7c8d9e0f1a2b",
      time: "2024-03-11 08:02:44Z",
    }),
    "error",
    "microsoft-unavailable",
    undefined,
  ],
  [
    "AADSTS90006, transient (a dependency of the token service)",
    aadBody(400, "invalid_request", 90006, "The service is temporarily unavailable. Please try again.", {
      trace: "91c0d2e3-f4a5-4b6c-8d7e-9f0a1b2c3d4e",
      correlation: "0a1b2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d",
      time: "2024-03-11 08:03:10Z",
    }),
    "error",
    "microsoft-unavailable",
    undefined,
  ],
  [
    "AADSTS90055, tenant throttling without a 429",
    aadBody(400, "invalid_request", 90055, "There are too many incoming requests. This exception is thrown for blocked tenants.", {
      trace: "4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8",
      correlation: "b8a7f6e5-d4c3-4b2a-9f0e-1d2c3b4a5f6e",
      time: "2024-03-11 08:05:31Z",
    }),
    "error",
    "throttled",
    undefined,
  ],
];

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

const verify = (secret = SECRET, options: Partial<RunOptions> = {}) =>
  runVerification(
    { tenantId: TENANT, clientId: CLIENT, clientSecret: secret, testMailbox: MAILBOX },
    { endpoints: { authorityHost: host, graphUrl: host }, logger: pino({ level: "silent" }), ...options },
  );
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

  it.each(tokenAnswers)("token endpoint: %s", async (_name, reply, status, reason, guideAnchor) => {
    routes.token = reply;
    const token = check(await verify(SECRET, { timeouts: { retryBudgetMs: 300 } }), "token");
    expect(token).toMatchObject({ status, reason });
    expect(token.guideAnchor).toBe(guideAnchor);
    expect(token.microsoft?.code).toMatch(/^AADSTS\d+$/);
  });

  it("Graph: a tenant without Exchange Online", async () => {
    routes["GET events"] = {
      status: 404,
      body: { error: { code: "OrganizationFromTenantGuidNotFound", message: `The tenant for tenant guid '${TENANT}' does not exist.`, innerError: { "request-id": "7048cf60-92d1-4514-86e9-a061c68b2238", date: "2019-06-08T01:58:58" } } },
    };
    expect(check(await verify(), "calendar.read")).toMatchObject({ status: "fail", reason: "exchange-not-provisioned", guideAnchor: "before-you-start", microsoft: { requestId: "7048cf60-92d1-4514-86e9-a061c68b2238" } });
  });

  it("Graph: Exchange refusing through an ExtensionError while the role is granted is a policy", async () => {
    routes["POST contacts"] = {
      status: 403,
      body: {
        error: {
          code: "ExtensionError",
          message: "Operation: Create; Exception: [Status Code: Forbidden; Reason: Access to OData is disabled.]",
          innerError: { date: "2020-06-30T21:58:03", "request-id": "f41fabda-5d81-44db-a3e6-a0fc43c9a5ac" },
        },
      },
    };
    expect(check(await verify(), "contacts.write")).toMatchObject({ status: "fail", reason: "access-policy-denied", guideAnchor: "limit-mailbox-access", microsoft: { code: "ExtensionError" } });
  });

  it("Graph: a bare ErrorAccessDenied with the role granted is not taken for a policy", async () => {
    routes["GET contacts"] = {
      status: 403,
      body: { error: { code: "ErrorAccessDenied", message: "Access is denied. Check credentials and try again.", innerError: { "request-id": "791adf2b-dfb8-4083-abc6-9c16ad6a8a2b", date: "2018-10-21T09:43:39" } } },
    };
    const report = await verify();
    const contacts = check(report, "contacts.read");
    expect(contacts).toMatchObject({ status: "fail", reason: "access-denied", guideAnchor: "troubleshooting" });
    expect(contacts.detail).toMatch(/caught up/);
    // The create went out beside the read, but a read problem is reported as the read's.
    expect(check(report, "contacts.write")).toMatchObject({ status: "skipped", data: { blockedBy: "contacts.read" } });
  });

  it("a token without roles means consent was not granted when Exchange finds no RBAC assignment either", async () => {
    routes.token = tokenOk([]);
    const noPermissions: Reply = {
      status: 403,
      body: { error: { code: "NoPermissionsInAccessToken", message: "The token contains no permissions, or permissions can not be understood.", innerError: { "request-id": "5f3c1a0e-5a7b-4d0e-9f0e-3b1d7c2a9e11", date: "2026-11-30T10:00:00" } } },
    };
    for (const route of ["GET events", "GET contacts", "POST events", "POST contacts", "POST sendMail"]) routes[route] = noPermissions;
    const report = await verify();
    expect(check(report, "permissions")).toMatchObject({ status: "fail", reason: "consent-missing", microsoft: { code: "NoPermissionsInAccessToken" } });
    expect(check(report, "calendar.read")).toMatchObject({ status: "skipped", data: { blockedBy: "permissions", refused: "consent-missing" } });
  });

  it("a token without roles that Exchange lets in is access through RBAC for Applications", async () => {
    routes.token = tokenOk([]);
    const report = await verify();
    expect(report.outcome).toBe("verified");
    expect(check(report, "permissions")).toMatchObject({ status: "pass", data: { via: "exchange-rbac" } });
    expect(check(report, "permissions").detail).toMatch(/Application Calendars\.ReadWrite, Application Contacts\.ReadWrite, Application Mail\.Send/);
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
