import { spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MICROSOFT_GRAPH_APP_ID, REQUIRED_PERMISSIONS } from "../microsoft/permissions";
import { azureCliScript } from "./azure-cli-script";
import { powershellScript } from "./powershell-script";
import { bashSingleQuote, powershellSingleQuote } from "./quote";
import type { ScriptOptions } from "./script-options";

const base: ScriptOptions = {
  appName: "MoxiEngage sync",
  secretDescription: "MoxiEngage access",
  secretMonths: 24,
  productName: "MoxiEngage",
  guideUrl: "https://portal.example/guide",
};

const HOSTILE_NAMES = [
  "O'Brien \"sync\"",
  "$(touch pwned)",
  "`touch pwned`",
  "sync; touch pwned",
  "'; touch pwned; echo '",
  "‘; Remove-Item pwned; ’",
  "-n",
];
/** The names distinctive enough that finding them elsewhere in a script would mean a leak. */
const DISTINCTIVE_NAMES = HOSTILE_NAMES.filter((name) => name.length > 3);

describe("both scripts grant exactly the permissions verification checks", () => {
  it.each([
    ["Azure CLI", azureCliScript],
    ["PowerShell", powershellScript],
  ] as const)("the %s script names Microsoft Graph and the three app-role ids", (_, generate) => {
    const script = generate(base);
    expect(script).toContain(MICROSOFT_GRAPH_APP_ID);
    for (const permission of REQUIRED_PERMISSIONS) {
      expect(script).toContain(permission.id);
      expect(script).toContain(permission.name);
    }
    expect(script).toContain("AzureADMyOrg");
  });
});

describe("the Azure CLI script", () => {
  it.each([base.appName, ...HOSTILE_NAMES])("passes bash -n with the app name %j", (appName) => {
    const result = spawnSync("bash", ["-n"], { input: azureCliScript({ ...base, appName }), encoding: "utf8" });
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
  });

  it.each(DISTINCTIVE_NAMES)("holds the app name %j only inside its single-quoted literal", (appName) => {
    const script = azureCliScript({ ...base, appName });
    const literal = bashSingleQuote(appName);
    expect(script.split(literal)).toHaveLength(2);
    expect(script.replace(literal, "")).not.toContain(appName);
  });
});

describe("the PowerShell script", () => {
  it.each(DISTINCTIVE_NAMES)("holds the app name %j only inside its verbatim literal", (appName) => {
    const script = powershellScript({ ...base, appName });
    const literal = powershellSingleQuote(appName);
    expect(script).toContain(`\n$AppName = ${literal}\n`);
    expect(script.replace(literal, "")).not.toContain(appName);
  });

  it("retries steps on new objects for about two minutes, re-uses the app of exactly its name, and stops with the ids so far", () => {
    const script = powershellScript({ ...base, appName: "O'Brien" });
    expect(script).toContain("$RetrySeconds = 120");
    expect(script).toContain(`Get-MgApplication -Filter "displayName eq '$($AppName.Replace("'", "''"))'" | Where-Object { $_.DisplayName -ceq $AppName }`);
    expect(script).toContain("Found the app created before");
    expect(script).toMatch(/Invoke-WithRetry 'Creating the service principal'/);
    expect(script).toMatch(/needs a Global Administrator or Privileged Role Administrator/);
    expect(script).toMatch(/Microsoft did not accept admin consent for/);
    expect(script).toMatch(/app management policy[\s\S]*certificate method/);
    expect(script.match(/Stop-Setup "/g)!.length).toBeGreaterThanOrEqual(5);
  });

  it("balances its script block and prints the values in the form's order", () => {
    const script = powershellScript(base);
    expect(script.match(/^& \{$/gm)).toHaveLength(1);
    expect(script.trimEnd().endsWith("}")).toBe(true);
    const order = ["Directory (tenant) ID:", "Application (client) ID:", "Client secret Value:", "Client secret expiry date:"];
    const positions = order.map((label) => script.indexOf(`'${label}'`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });
});

describe("bad options never become a script", () => {
  it.each([
    ["an empty name", { appName: "   " }, /Enter a name/],
    ["a line break", { appName: "sync\nrm -rf ~" }, /one line/],
    ["a name over 120 characters", { appName: "x".repeat(121) }, /120 characters/],
    ["an unsupported lifetime", { secretMonths: 36 as 24 }, /lifetime/],
  ])("refuses %s", (_, change, message) => {
    expect(() => azureCliScript({ ...base, ...change })).toThrow(message);
    expect(() => powershellScript({ ...base, ...change })).toThrow(message);
  });

  it("keeps a line break in configuration out of the comment header", () => {
    for (const generate of [azureCliScript, powershellScript]) {
      const script = generate({ ...base, productName: "Moxi\ntouch pwned", guideUrl: "https://x.example/\rtouch pwned" });
      const header = script.slice(0, script.search(/^(\(|& \{)$/m)).trimEnd().split("\n");
      expect(header.length).toBeGreaterThan(2);
      for (const line of header) expect(line).toMatch(/^# /);
    }
  });
});

/**
 * Runs the generated script in bash with a stand-in `az` on PATH that records every
 * call and answers like Azure CLI would, so the whole script is executed, not just parsed.
 */
/** Debian's Python with python3-jmespath, the library Azure CLI evaluates --query with (.ci/run installs it). */
const PYTHON = "/usr/bin/python3";

describe("running the Azure CLI script against a stand-in az", () => {
  let dir: string;
  const ids = {
    tenant: "11111111-1111-1111-1111-111111111111",
    client: "22222222-2222-2222-2222-222222222222",
    sp: "33333333-3333-3333-3333-333333333333",
    graphSp: "44444444-4444-4444-4444-444444444444",
    secret: "abc8Q~not-a-real-secret-value-0123456789",
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "guide-az-"));
    const stub = `#!/usr/bin/env node
const fs = require("node:fs");
const args = process.argv.slice(2);
fs.appendFileSync(process.env.AZ_LOG, JSON.stringify(args) + "\\n");
const has = (...words) => words.every((w, i) => args[i] === w);
const out = (s) => process.stdout.write(s + "\\n");
const fail = (s) => { process.stderr.write(s + "\\n"); process.exit(1); };
// What the tenant holds, kept between runs of the script (a re-run must find it).
const stateFile = process.env.AZ_STATE;
const state = fs.existsSync(stateFile) ? JSON.parse(fs.readFileSync(stateFile, "utf8")) : { apps: [], sp: false, counts: {} };
const save = () => fs.writeFileSync(stateFile, JSON.stringify(state));
// Replication lag: the first N calls of a kind fail as if the new app were not there yet.
const lagging = (kind) => {
  state.counts[kind] = (state.counts[kind] ?? 0) + 1;
  save();
  return state.counts[kind] <= Number(process.env["AZ_LAG_" + kind] ?? 0);
};
if (has("account", "show")) out(${JSON.stringify(ids.tenant)});
else if (has("ad", "app", "list")) {
  const apps = [...state.apps, ...(process.env.AZ_EXISTING ? JSON.parse(process.env.AZ_EXISTING) : [])];
  const query = args[args.indexOf("--query") + 1];
  // The --query is evaluated by the JMESPath library Azure CLI itself uses.
  const found = JSON.parse(require("node:child_process").execFileSync(process.env.PYTHON, ["-c", "import jmespath, json, sys; print(json.dumps(jmespath.search(sys.argv[1], json.loads(sys.argv[2]))))", query, JSON.stringify(apps)], { encoding: "utf8" }));
  if (found.length) out(found.join("\\n"));
}
else if (has("ad", "app", "create")) {
  state.apps.push({ displayName: args.find((a) => a.startsWith("--display-name=")).slice(15), appId: ${JSON.stringify(ids.client)} });
  save();
  out(${JSON.stringify(ids.client)});
}
else if (has("ad", "app", "permission", "add")) { if (lagging("PERMISSION")) fail("Resource '" + ${JSON.stringify(ids.client)} + "' does not exist or one of its queried reference-property objects are not present."); out(""); }
else if (has("ad", "sp", "list")) { if (state.sp) out(${JSON.stringify(ids.sp)}); }
else if (has("ad", "sp", "create")) {
  if (lagging("SP")) fail("When using this permission, the backing application of the service principal being created must in the local tenant");
  state.sp = true;
  save();
  out(${JSON.stringify(ids.sp)});
}
else if (has("ad", "sp", "show")) out(${JSON.stringify(ids.graphSp)});
else if (has("rest")) {
  if (process.env.AZ_DENY_CONSENT) fail("Forbidden({\\"error\\":{\\"code\\":\\"Authorization_RequestDenied\\",\\"message\\":\\"Insufficient privileges to complete the operation.\\"}})");
  if (process.env.AZ_CONSENT_ERROR) fail("Bad Request({\\"error\\":{\\"code\\":\\"Request_BadRequest\\",\\"message\\":\\"Invalid value specified for property 'resourceId' of resource 'AppRoleAssignment'.\\"}})");
  out("{}");
}
else if (has("ad", "app", "credential", "reset")) {
  if (process.env.AZ_SECRET_POLICY) fail("Bad Request({\\"error\\":{\\"code\\":\\"CredentialTypeNotAllowedAsPerAppPolicy\\",\\"message\\":\\"Credential type not allowed as per assigned policy.\\"}})");
  out(${JSON.stringify(ids.secret)});
}
else { process.stderr.write("unexpected az call\\n"); process.exit(2); }
`;
    writeFileSync(path.join(dir, "az"), stub);
    chmodSync(path.join(dir, "az"), 0o755);
    // Waits are recorded, not slept, so back-off can be tested in no time.
    writeFileSync(path.join(dir, "sleep"), `#!/usr/bin/env bash\necho "sleep $1" >>"$SLEEP_LOG"\n`);
    chmodSync(path.join(dir, "sleep"), 0o755);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  function run(options: ScriptOptions, env: Record<string, string> = {}) {
    const file = path.join(dir, "setup.sh");
    writeFileSync(file, azureCliScript(options));
    const log = path.join(dir, "az.log");
    const result = spawnSync("bash", [file], {
      cwd: dir,
      encoding: "utf8",
      env: { NODE_ENV: "test", PATH: `${dir}:${process.env.PATH}`, AZ_LOG: log, PYTHON, AZ_STATE: path.join(dir, "state.json"), SLEEP_LOG: path.join(dir, "sleep.log"), ...env },
    });
    const sleeps = existsSync(path.join(dir, "sleep.log")) ? readFileSync(path.join(dir, "sleep.log"), "utf8").trim().split("\n").map((l) => Number(l.split(" ")[1])) : [];
    const calls = existsSync(log)
      ? readFileSync(log, "utf8").trim().split("\n").map((line) => JSON.parse(line) as string[])
      : [];
    rmSync(log, { force: true });
    rmSync(path.join(dir, "sleep.log"), { force: true });
    return { ...result, calls, sleeps };
  }

  it.each(HOSTILE_NAMES)("registers the app under exactly the name %j and runs nothing else", (appName) => {
    const { status, calls } = run({ ...base, appName });
    expect(status).toBe(0);
    const create = calls.find((c) => c[0] === "ad" && c[1] === "app" && c[2] === "create");
    expect(create).toContain(`--display-name=${appName}`);
    expect(existsSync(path.join(dir, "pwned"))).toBe(false);
  });

  it("creates a single-tenant app, adds the three application permissions and grants each to Microsoft Graph", () => {
    const { status, calls } = run(base);
    expect(status).toBe(0);
    expect(calls.find((c) => c[2] === "create" && c[1] === "app")).toContain("--sign-in-audience=AzureADMyOrg");
    const add = calls.find((c) => c[2] === "permission")!;
    expect(add).toEqual(expect.arrayContaining(["--id", ids.client, "--api", MICROSOFT_GRAPH_APP_ID]));
    expect(add).toEqual(expect.arrayContaining(REQUIRED_PERMISSIONS.map((p) => `${p.id}=Role`)));
    const grants = calls.filter((c) => c[0] === "rest").map((c) => {
      expect(c).toContain(`https://graph.microsoft.com/v1.0/servicePrincipals/${ids.sp}/appRoleAssignments`);
      return JSON.parse(c[c.indexOf("--body") + 1]!) as Record<string, string>;
    });
    expect(grants).toEqual(REQUIRED_PERMISSIONS.map((p) => ({ principalId: ids.sp, resourceId: ids.graphSp, appRoleId: p.id })));
  });

  it("creates the secret for the chosen lifetime and prints the four values in the form's order", () => {
    const { status, stdout, calls } = run({ ...base, secretMonths: 12 });
    expect(status).toBe(0);
    const reset = calls.find((c) => c[2] === "credential")!;
    const expires = reset[reset.indexOf("--end-date") + 1]!;
    const expected = new Date();
    expected.setUTCMonth(expected.getUTCMonth() + 12);
    expect(Math.abs(Date.parse(expires) - expected.getTime())).toBeLessThan(3 * 86_400_000);
    expect(reset).toContain("--display-name=MoxiEngage access");

    const lines = stdout.split("\n").filter((l) => /^ {2}\S.*: +\S/.test(l)).map((l) => l.trim().split(/:\s+/));
    expect(lines).toEqual([
      ["Directory (tenant) ID", ids.tenant],
      ["Application (client) ID", ids.client],
      ["Client secret Value", ids.secret],
      ["Client secret expiry date", expires],
    ]);
  });

  it("says which consent is missing, and still finishes the app, when the account cannot grant it", () => {
    const { status, stdout, stderr } = run(base, { AZ_DENY_CONSENT: "1" });
    expect(status).toBe(0);
    expect(stderr).toContain("Admin consent is still missing for: Calendars.ReadWrite Contacts.ReadWrite Mail.Send");
    expect(stderr).toContain("https://portal.example/guide#grant-consent");
    expect(stdout).toContain(ids.secret);
  });

  const creates = (calls: string[][]) => calls.filter((c) => c[0] === "ad" && c[1] === "app" && c[2] === "create");
  const idsPrinted = (text: string) => {
    expect(text).toContain(ids.tenant);
    expect(text).toContain(ids.client);
    expect(text).toMatch(/Next step: /);
  };

  it("finishes an app of exactly this name instead of creating another, and ignores names it only starts", () => {
    const existing = JSON.stringify([{ displayName: base.appName, appId: ids.client }, { displayName: `${base.appName} (old)`, appId: "55555555-5555-5555-5555-555555555555" }]);
    const { status, stdout, calls } = run(base, { AZ_EXISTING: existing });
    expect(status).toBe(0);
    expect(stdout).toContain("Found the app created before");
    expect(creates(calls)).toHaveLength(0);
    const prefixOnly = run(base, { AZ_EXISTING: JSON.stringify([{ displayName: `${base.appName} (old)`, appId: "55555555-5555-5555-5555-555555555555" }]) });
    expect(creates(prefixOnly.calls)).toHaveLength(1);
    expect(prefixOnly.stdout).not.toContain("Found the app");
  });

  it.each([
    ["O'Brien's \\sync", "displayName eq 'O''Brien''s \\sync'"],
    ["ends with \\", "displayName eq 'ends with \\'"],
    ['back`tick "quoted"', `displayName eq 'back\`tick "quoted"'`],
  ])("matches %j exactly, quoted for OData and for JMESPath", (appName, filter) => {
    const existing = JSON.stringify([{ displayName: appName, appId: ids.client }, { displayName: `${appName} 2`, appId: "55555555-5555-5555-5555-555555555555" }]);
    const { status, stdout, calls } = run({ ...base, appName }, { AZ_EXISTING: existing });
    expect(status).toBe(0);
    expect(stdout).toContain("Found the app created before");
    expect(creates(calls)).toHaveLength(0);
    const list = calls.find((c) => c[1] === "app" && c[2] === "list")!;
    expect(list[list.indexOf("--filter") + 1]).toBe(filter);
  });

  it("waits out replication lag with back-off, within about two minutes, and goes on", () => {
    const { status, stdout, sleeps } = run(base, { AZ_LAG_SP: "3", AZ_LAG_PERMISSION: "1" });
    expect(status).toBe(0);
    expect(stdout).toContain("not ready yet");
    expect(sleeps).toEqual([5, 5, 10, 20]);
    expect(stdout).toContain(ids.secret);
  });

  it("stops after the retry budget with the ids so far, and a re-run finishes the same app", () => {
    const first = run(base, { AZ_LAG_SP: "100" });
    expect(first.status).toBe(1);
    expect(first.stderr).toContain("Stopped: Microsoft did not create the enterprise application");
    idsPrinted(first.stderr);
    expect(first.sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(120);
    expect(first.sleeps.reduce((a, b) => a + b, 0)).toBeLessThan(160);
    const second = run(base);
    expect(second.status).toBe(0);
    expect(creates(second.calls)).toHaveLength(0);
    expect(second.stdout).toContain(ids.secret);
  });

  it("tells a consent that Microsoft did not accept from one that needs a Global Administrator", () => {
    const { status, stdout, stderr, sleeps } = run(base, { AZ_CONSENT_ERROR: "1" });
    expect(status).toBe(0);
    expect(stderr).toContain("Microsoft did not accept admin consent for: Calendars.ReadWrite Contacts.ReadWrite Mail.Send");
    expect(stderr).not.toContain("needs a Global Administrator");
    expect(stderr).toContain("Request_BadRequest");
    expect(stderr).toMatch(/Next step: paste the script again/);
    expect(sleeps.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(3 * 120);
    expect(stdout).toContain(ids.client);
  });

  it("catches a secret refused by an app management policy, with the ids and the certificate method", () => {
    const { status, stderr, sleeps } = run(base, { AZ_SECRET_POLICY: "1" });
    expect(status).toBe(1);
    expect(stderr).toContain("an app management policy");
    expect(stderr).toContain("certificate method");
    expect(stderr).toContain("https://portal.example/guide#create-secret");
    idsPrinted(stderr);
    expect(stderr).toContain(ids.sp);
    expect(sleeps).toEqual([]);
  });

  it("stops with a clear message when Azure CLI is not signed in", () => {
    writeFileSync(path.join(dir, "az"), "#!/usr/bin/env bash\necho 'Please run az login' >&2\nexit 1\n");
    const { status, stderr } = run(base);
    expect(status).toBe(1);
    expect(stderr).toContain("Stopped: Azure CLI is not signed in. Run: az login --allow-no-subscriptions");
    expect(stderr).toMatch(/Next step: sign in/);
  });
});
