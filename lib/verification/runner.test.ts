import pino from "pino";
import { describe, expect, it } from "vitest";
import { passed, problem } from "./results";
import { executePlan, type PlannedCheck } from "./runner";
import type { CheckId, CheckProgress } from "./types";

const logger = pino({ level: "silent" });
const describeError = (e: unknown) => String(e);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function timed(id: CheckId, ms: number, log: string[], outcome = passed("ok", "ok")): PlannedCheck {
  return {
    id,
    run: async () => {
      log.push(`start ${id}`);
      await sleep(ms);
      log.push(`end ${id}`);
      return outcome;
    },
  };
}

describe("the check runner", () => {
  it("starts independent checks together and dependent ones after their dependency", async () => {
    const log: string[] = [];
    const plan = [timed("input", 5, log), timed("tenant", 30, log), timed("token", 5, log), timed("permissions", 5, log)];
    const results = await executePlan(plan, { logger, describeError });
    expect(results.map((r) => r.status)).toEqual(["pass", "pass", "pass", "pass"]);
    // tenant (no dependency) runs alongside input → token → permissions
    expect(log.indexOf("start tenant")).toBeLessThan(log.indexOf("end input"));
    expect(log.indexOf("end permissions")).toBeLessThan(log.indexOf("end tenant"));
    expect(log.indexOf("start token")).toBeGreaterThan(log.indexOf("end input"));
  });

  it("starts an overlapping check beside its dependency, whose result still decides", async () => {
    const log: string[] = [];
    const write = (ok: boolean) => [
      { ...timed("calendar.read", 20, log, ok ? passed("ok", "ok") : problem("fail", "mailbox-not-found")) },
      { ...timed("calendar.write", 5, log), overlaps: ["calendar.read" as CheckId] },
      { ...timed("mail.send", 5, log), after: ["calendar.read" as CheckId] },
    ];
    const [, written, sent] = await executePlan(write(true), { logger, describeError });
    expect(written!.status).toBe("pass");
    expect(log.indexOf("start calendar.write")).toBeLessThan(log.indexOf("end calendar.read"));
    expect(log.indexOf("start mail.send")).toBeGreaterThan(log.indexOf("end calendar.read"));
    expect(sent!.status).toBe("pass");
    const [, skippedWrite] = await executePlan(write(false), { logger, describeError });
    expect(skippedWrite).toMatchObject({ status: "skipped", data: { blockedBy: "calendar.read" } });
  });

  it("skips a check whose dependency did not pass or warn, naming it", async () => {
    const log: string[] = [];
    const plan = [timed("input", 1, log, problem("fail", "invalid-input")), timed("token", 1, log), timed("permissions", 1, log), timed("secret.expiry", 1, log)];
    const [input, token, permissions, expiry] = await executePlan(plan, { logger, describeError });
    expect(input).toMatchObject({ status: "fail", reason: "invalid-input" });
    expect(token).toMatchObject({ status: "skipped", data: { blockedBy: "input" }, detail: expect.stringContaining("Values entered") });
    expect(permissions).toMatchObject({ status: "skipped", data: { blockedBy: "token" } });
    expect(expiry).toMatchObject({ status: "skipped" });
    expect(log).toEqual(["start input", "end input"]);
  });

  it("runs on after a warning", async () => {
    const log: string[] = [];
    const plan = [timed("input", 1, log), timed("token", 1, log), timed("permissions", 1, log, problem("warn", "permission-excess")), timed("mail.send", 1, log)];
    const results = await executePlan(plan, { logger, describeError });
    expect(results.at(-1)).toMatchObject({ id: "mail.send", status: "pass" });
  });

  it("reports progress in order: running, then the result; skipped checks only their result", async () => {
    const updates: CheckProgress[] = [];
    const plan = [timed("input", 1, [], problem("fail", "invalid-input")), timed("token", 1, [])];
    await executePlan(plan, { logger, describeError, onProgress: async (u) => void updates.push(u) });
    expect(updates.map((u) => `${u.id}:${u.status}`)).toEqual(["input:running", "input:fail", "token:skipped"]);
  });

  it("turns a check that throws into an error, logged without the secret", async () => {
    const lines: string[] = [];
    const capture = pino({ level: "info" }, { write: (line: string) => void lines.push(line) });
    const plan: PlannedCheck[] = [{ id: "input", run: async () => Promise.reject(new Error("boom with s3cret")) }];
    const [result] = await executePlan(plan, { logger: capture, describeError: (e) => String(e).replace("s3cret", "[redacted]") });
    expect(result).toMatchObject({ status: "error", reason: "unexpected" });
    expect(lines.join("")).toContain("boom with [redacted]");
    expect(lines.join("")).not.toContain("s3cret");
  });

  it("keeps going when a progress listener fails", async () => {
    const results = await executePlan([timed("input", 1, [])], {
      logger,
      describeError,
      onProgress: () => {
        throw new Error("listener down");
      },
    });
    expect(results[0]?.status).toBe("pass");
  });

  it("runs one check at a time when asked", async () => {
    const log: string[] = [];
    await executePlan([timed("input", 5, log), timed("tenant", 5, log)], { logger, describeError, sequential: true });
    expect(log).toEqual(["start input", "end input", "start tenant", "end tenant"]);
  });
});
