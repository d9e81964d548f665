import { describe, expect, it } from "vitest";
import { diagnose as diagnoseWith, type DiagnosedCheck } from "./diagnosis";
import { thingsToDo } from "./diagnosis";
import { remediationFor } from "./remediation";
import type { Reason } from "./types";

// The catalog's words, as the server passes them.
const diagnose = (checks: DiagnosedCheck[]) =>
  diagnoseWith(checks, (c) => {
    const r = remediationFor(c.reason as Reason);
    return { title: r.title, fix: r.detail, said: c.detail, guideAnchor: r.guideAnchor ?? null };
  });

const check = (id: string, status: string, reason: string | null, detail: string | null = null) => ({ id, status, reason, title: `${id} said`, detail, guideAnchor: null });

describe("the diagnosis", () => {
  it("gives one thing to do for an unlicensed mailbox that failed three checks", () => {
    const d = diagnose([
      check("token", "pass", null),
      check("calendar.read", "fail", "mailbox-not-enabled"),
      check("contacts.read", "fail", "mailbox-not-enabled"),
      check("mail.send", "fail", "mailbox-not-enabled"),
      check("calendar.write", "skipped", null),
    ]);
    expect(d.fixes).toHaveLength(1);
    expect(d.fixes[0]!.checks.map((c) => c.id)).toEqual(["calendar.read", "contacts.read", "mail.send"]);
    expect(d.fixes[0]!.guideLabel).toBe("Step 7: Choose a test mailbox");
  });

  it("files the 'no mailbox' failures under another tenant's mailbox, their cause", () => {
    const d = diagnose([
      check("tenant", "fail", "mailbox-domain-other-tenant"),
      check("calendar.read", "fail", "mailbox-not-found"),
      check("contacts.read", "fail", "mailbox-not-found"),
    ]);
    expect(d.fixes.map((f) => f.key)).toEqual(["mailbox-domain-other-tenant"]);
    expect(d.fixes[0]!.checks).toHaveLength(3);
  });

  it("keeps 'no mailbox' as its own fix when nothing explains it", () => {
    const d = diagnose([check("calendar.read", "fail", "mailbox-not-found"), check("token", "fail", "consent-missing")]);
    expect(d.fixes.map((f) => f.guideLabel)).toEqual(["Step 7: Choose a test mailbox", "Step 4: Grant admin consent"]);
  });

  it("says a wrong tenant once, and keeps warnings and unanswered checks apart", () => {
    const d = diagnose([
      check("tenant", "fail", "tenant-not-found"),
      check("token", "fail", "tenant-not-found"),
      check("permissions", "warn", "permission-excess"),
      check("mail.send", "error", "throttled"),
    ]);
    expect(d.fixes).toHaveLength(1);
    expect(d.warnings.map((w) => w.key)).toEqual(["permission-excess"]);
    expect(d.unanswered.map((w) => w.guideLabel)).toEqual([null]);
  });

  it("prints what the check said only when it adds to the fix", () => {
    const same = diagnose([check("token", "fail", "consent-missing", null)]).fixes[0]!;
    expect(same.detail).toBeNull();
    const more = diagnose([check("permissions", "fail", "permission-missing", "Missing: Mail.Send.")]).fixes[0]!;
    expect(more.detail).toBe("Missing: Mail.Send.");
    expect(more.fix).not.toBe(more.detail);
  });

  it("counts in words", () => {
    expect(thingsToDo(1)).toBe("You need to do 1 thing");
    expect(thingsToDo(3)).toBe("You need to do 3 things");
  });
});
