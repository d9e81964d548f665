import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { VerificationReport } from "@/lib/verification/types";
import { MAILBOXES, scenario, type ScenarioKey } from "@/sim/scenarios";
import type { RunningSimulator } from "@/sim/server";
import { startTestSimulator } from "../support/simulator";

/**
 * `npm run --silent cli -- verify ...` as a support engineer runs it, in its own
 * process, pointed at the simulator through MICROSOFT_AUTHORITY_HOST and
 * MICROSOFT_GRAPH_URL, with the secret on standard input.
 */

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startTestSimulator();
});
afterAll(async () => {
  await sim?.stop();
});
beforeEach(() => {
  sim.control.reset();
});

type Result = { code: number | null; stdout: string; stderr: string };

function cli(args: string[], options: { stdin?: string; env?: Record<string, string> } = {}): Promise<Result> {
  const root = process.cwd();
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--import", "./scripts/runtime/server-only.mjs", "scripts/cli.ts", ...args], {
    cwd: root,
    env: {
      ...process.env,
      MICROSOFT_AUTHORITY_HOST: sim.authorityHost,
      MICROSOFT_GRAPH_URL: sim.graphUrl,
      NODE_EXTRA_CA_CERTS: sim.caCertPath,
      LOG_LEVEL: "info",
      VERIFY_CLIENT_SECRET: "",
      ...options.env,
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  child.stdin.end(options.stdin ?? "");
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

const argsFor = (key: ScenarioKey, extra: string[] = []) => {
  const v = scenario(key).values;
  return ["verify", "--tenant", v.tenantId, "--client", v.clientId, "--mailbox", v.testMailbox, ...extra];
};
const secretOf = (key: ScenarioKey) => `${scenario(key).values.clientSecret}\n`;

describe("npm run cli -- verify", () => {
  it("probes a mailbox outside the scope with --scope-outside and warns when it is readable", async () => {
    const args = argsFor("rbac-outside-readable", ["--json", "--access-scope", "exchange-rbac", "--scope-outside", MAILBOXES.frontDesk]);
    const { code, stdout } = await cli(args, { stdin: secretOf("rbac-outside-readable") });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as VerificationReport;
    expect(report.checks.find((c) => c.id === "scope.outside")).toMatchObject({ status: "warn", reason: "scope-not-enforced" });
    expect(report.checks.find((c) => c.id === "permissions")).toMatchObject({ status: "warn", reason: "scope-not-enforced" });
    expect((await cli(argsFor("good", ["--access-scope", "everyone"]), { stdin: secretOf("good") })).code).toBe(64);
  });

  it("prints JSON alone on stdout and exits 0 for a good tenant", async () => {
    const { code, stdout, stderr } = await cli(argsFor("good", ["--json", "--expires", scenario("good").values.secretExpiresOn!]), { stdin: secretOf("good") });
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as VerificationReport;
    expect(report.outcome).toBe("verified");
    expect(report.checks).toHaveLength(11);
    expect(report.checks.find((c) => c.id === "secret.expiry")?.status).toBe("pass");
    expect(`${stdout}${stderr}`).not.toContain(scenario("good").values.clientSecret);
  });

  it("prints a readable report with the fix, and exits 1 when something needs fixing", async () => {
    const { code, stdout } = await cli(argsFor("secret-id-pasted"), { stdin: secretOf("secret-id-pasted") });
    expect(code).toBe(1);
    expect(stdout).toContain("Failed: something needs fixing");
    expect(stdout).toMatch(/FAIL\s+token\s+The secret ID was entered instead of the secret value/);
    expect(stdout).toContain("Guide: http://localhost:3000/guide#copy-secret-value");
    expect(stdout).toMatch(/Microsoft: AADSTS7000215 · request [0-9a-f-]{36}/);
    expect(stdout).toMatch(/skipped\s+secret\.expiry/);
  });

  it("exits 2 when Microsoft is unavailable", async () => {
    const { code, stdout } = await cli(argsFor("microsoft-unavailable", ["--json"]), { stdin: secretOf("microsoft-unavailable") });
    expect(code).toBe(2);
    expect((JSON.parse(stdout) as VerificationReport).outcome).toBe("inconclusive");
  });

  it("takes the secret from VERIFY_CLIENT_SECRET, and --no-send sends nothing", async () => {
    const { code, stdout } = await cli(argsFor("good", ["--no-send", "--json"]), { env: { VERIFY_CLIENT_SECRET: scenario("good").values.clientSecret } });
    expect(code).toBe(0);
    expect((JSON.parse(stdout) as VerificationReport).checks.find((c) => c.id === "mail.send")?.status).toBe("skipped");
    expect(sim.control.mailbox(MAILBOXES.agent).sentMessages).toEqual([]);
  });

  it("exits 64 with the usage for bad usage, before contacting Microsoft", async () => {
    const unknown = await cli([...argsFor("good"), "--secret", "x"], { stdin: secretOf("good") });
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain("Usage: npm run --silent cli -- verify");
    const missing = await cli(["verify", "--tenant", scenario("good").values.tenantId], { stdin: secretOf("good") });
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain("Missing --client, --mailbox");
    const noSecret = await cli(argsFor("good"), { stdin: "" });
    expect(noSecret.code).toBe(64);
    expect(noSecret.stderr).toContain("No client secret value");
    expect(sim.control.requests()).toEqual([]);
  });
});
