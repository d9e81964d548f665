import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";

/** `npm start` as an operator runs it: the real server entry point in its own process. */
function npmStart(env: Record<string, string>) {
  const { PATH, HOME } = process.env;
  const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");
  return spawnSync(tsx, ["--import", "./scripts/runtime/server-only.mjs", "server.ts"], {
    cwd: process.cwd(),
    env: { PATH: PATH ?? "", HOME: HOME ?? "", NODE_ENV: "production", ...env },
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("npm start", () => {
  it("refuses to start without DATABASE_URL, in one line, instead of starting an embedded database", () => {
    const result = npmStart({ CREDENTIALS_KEYS: generateKeyRingEntry("start"), PORT: "3299" });
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual([expect.stringMatching(/^Configuration error: DATABASE_URL is not set; `npm start` needs your own PostgreSQL/)]);
    expect(result.stdout).not.toContain("Portal ready");
  });
});
