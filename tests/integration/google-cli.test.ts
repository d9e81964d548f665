import { spawn } from "node:child_process";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { VerificationReport } from "@/lib/verification/types";
import type { RunningGoogleSimulator } from "@/sim/google/server";
import { startTestGoogleSimulator } from "../support/google-simulator";

/**
 * `npm run --silent cli -- verify --provider google ...` in its own process, pointed at the
 * Google simulator through GOOGLE_OAUTH_TOKEN_URL, GOOGLE_API_ROOT and the vendor's key file.
 */

let sim: RunningGoogleSimulator;
beforeAll(async () => {
  sim = (await startTestGoogleSimulator()).sim;
});
afterAll(async () => {
  await sim?.stop();
});

function cli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const root = process.cwd();
  const child = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["--import", "./scripts/runtime/server-only.mjs", "scripts/cli.ts", ...args], {
    cwd: root,
    env: {
      ...process.env,
      GOOGLE_OAUTH_TOKEN_URL: sim.tokenUrl,
      GOOGLE_API_ROOT: sim.apiRoot,
      GOOGLE_SERVICE_ACCOUNT_KEY_FILE: sim.serviceAccountKeyFile,
      NODE_EXTRA_CA_CERTS: sim.caCertPath,
      LOG_LEVEL: "info",
      ...env,
    },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  child.stdin.end("");
  return new Promise((resolve) => child.on("close", (code) => resolve({ code, stdout, stderr })));
}

describe("npm run cli -- verify --provider google", () => {
  it("verifies a domain and prints JSON alone on stdout, exit 0", async () => {
    const { code, stdout } = await cli(["verify", "--provider", "google", "--domain", "maplegrove.example", "--user", "agent@maplegrove.example", "--no-send", "--json"]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as VerificationReport;
    expect(report.outcome).toBe("verified");
    expect(report.checks.find((c) => c.id === "mail.send")?.status).toBe("skipped");
  });

  it("exits 1 on a missing delegation and names the Google guide", async () => {
    const { code, stdout } = await cli(["verify", "--provider", "google", "--domain", "willowbend.example", "--user", "agent@willowbend.example"]);
    expect(code).toBe(1);
    expect(stdout).toContain("/guide/google-workspace#google-add-delegation");
  });

  it("exits 2 when the vendor's key is revoked, and 64 on bad usage", async () => {
    sim.control.setVendor({ keyRevoked: true });
    expect((await cli(["verify", "--provider", "google", "--domain", "maplegrove.example", "--user", "agent@maplegrove.example"])).code).toBe(2);
    sim.control.setVendor({ keyRevoked: false });
    const usage = await cli(["verify", "--provider", "google", "--domain", "maplegrove.example", "--tenant", "x"]);
    expect(usage.code).toBe(64);
    expect(usage.stderr).toMatch(/--tenant do not apply with --provider google|Missing --user/);
  });

  it("exits 78 without a service account key configured", async () => {
    const { code, stderr } = await cli(["verify", "--provider", "google", "--domain", "maplegrove.example", "--user", "agent@maplegrove.example"], { GOOGLE_SERVICE_ACCOUNT_KEY_FILE: "" });
    expect(code).toBe(78);
    expect(stderr).toContain("GOOGLE_SERVICE_ACCOUNT_KEY_FILE");
  });
});
