import { spawn } from "node:child_process";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { resetAuth } from "@/lib/auth/auth";
import { db } from "@/lib/db/client";
import { auditEvents, users } from "@/lib/db/schema";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_STAFF } from "@/lib/demo/staff";
import { resetEnvCache } from "@/lib/env";
import { postSignIn } from "../support/staff";

beforeAll(() => {
  process.env.BETTER_AUTH_SECRET = "integration-test-secret-that-is-long-enough";
  resetEnvCache();
  resetAuth();
});

/** Runs `npm run cli -- staff ...` as an operator would, with `stdin` piped in. */
function cli(args: string[], stdin: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(process.cwd(), "node_modules/.bin/tsx"), ["--import", "./scripts/runtime/server-only.mjs", "scripts/cli.ts", "staff", ...args], {
      env: { ...process.env, LOG_LEVEL: "silent" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("exit", (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe("the staff CLI", () => {
  it("creates the first administrator with the password from standard input, who can then sign in", async () => {
    const result = await cli(["create", "--email", "First.Admin@Vendor.example", "--name", "First Admin", "--role", "admin"], "the first admin password\n");
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Created staff administrator first.admin@vendor.example");
    expect(result.stdout).not.toContain("the first admin password");
    const [user] = await db().select().from(users).where(eq(users.email, "first.admin@vendor.example"));
    expect(user).toMatchObject({ role: "admin", name: "First Admin", emailVerified: true });
    expect((await postSignIn("first.admin@vendor.example", "the first admin password")).status).toBe(200);
    expect(await db().$count(auditEvents, eq(auditEvents.subjectId, user!.id))).toBeGreaterThan(0);
  });

  it("says what is wrong, with exit 64 for bad usage and 1 for a refused change", async () => {
    const badRole = await cli(["create", "--email", "x@vendor.example", "--name", "X", "--role", "boss"], "a long enough password\n");
    expect(badRole).toMatchObject({ code: 64 });
    expect(badRole.stderr).toContain("Choose a role (onboarding, csm, admin)");
    const shortPassword = await cli(["create", "--email", "x@vendor.example", "--name", "X", "--role", "csm"], "short\n");
    expect(shortPassword).toMatchObject({ code: 64, stderr: "Password must be 12 characters or more\n" });
    const missing = await cli(["create", "--email", "x@vendor.example"], "");
    expect(missing.code).toBe(64);
    expect(missing.stderr).toContain("Usage:");
    const duplicate = await cli(["create", "--email", "first.admin@vendor.example", "--name", "Again", "--role", "csm"], "another long password\n");
    expect(duplicate).toMatchObject({ code: 1, stderr: "There is already a staff account for first.admin@vendor.example\n" });
    expect(await db().$count(users, eq(users.email, "x@vendor.example"))).toBe(0);
  });

  it("sets a forgotten password", async () => {
    const result = await cli(["password", "--email", "first.admin@vendor.example"], "a brand new password\n");
    expect(result.code).toBe(0);
    expect((await postSignIn("first.admin@vendor.example", "the first admin password")).status).toBe(401);
    expect((await postSignIn("first.admin@vendor.example", "a brand new password")).status).toBe(200);
  });
});

describe("the demo seed", () => {
  it("adds one staff account per role, once, each able to sign in with its printed password", async () => {
    await seedDemo();
    await seedDemo();
    for (const account of DEMO_STAFF) {
      expect(await db().$count(users, eq(users.email, account.email))).toBe(1);
      expect((await postSignIn(account.email, account.password, `198.51.100.${DEMO_STAFF.indexOf(account) + 20}`)).status).toBe(200);
    }
    expect(new Set(DEMO_STAFF.map((a) => a.role))).toEqual(new Set(["onboarding", "csm", "admin"]));
  });
});
