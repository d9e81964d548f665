import { describe, expect, it } from "vitest";
import { compareAttempts, type AttemptValues } from "./changes";

const base: AttemptValues = {
  tenantId: "7d1b2c3a-0000-4000-8000-000000000001",
  clientId: "5a6b7c8d-0000-4000-8000-000000000002",
  testMailbox: "sync@harbor.example",
  secretExpiresOn: "2027-01-31",
  sendTestMessage: true,
  secretHint: "abc",
  submitterName: "Ana Admin",
  submitterEmail: "ana@harbor.example",
};

describe("what changed since the previous attempt", () => {
  it("lists the changed values and the checks whose status moved", () => {
    const changes = compareAttempts(
      { number: 1, values: base, checks: new Map([["token", "pass"], ["permissions", "fail"], ["calendar.read", "skipped"]]) },
      {
        values: { ...base, secretHint: "xyz", sendTestMessage: false },
        checks: new Map([["token", "pass"], ["permissions", "pass"], ["calendar.read", "pass"]]),
      },
    );
    expect(changes.previousAttemptNumber).toBe(1);
    expect(changes.values).toEqual([
      { field: "sendTestMessage", label: "Send a test message", before: "Yes", after: "No" },
      { field: "secretHint", label: "Client secret (first 3 characters)", before: "abc", after: "xyz" },
    ]);
    expect(changes.checks).toEqual([
      { checkId: "permissions", before: "fail", after: "pass" },
      { checkId: "calendar.read", before: "skipped", after: "pass" },
    ]);
  });

  it("reports nothing when the attempts match", () => {
    const same = compareAttempts({ number: 2, values: base, checks: new Map() }, { values: { ...base }, checks: new Map() });
    expect(same.values).toEqual([]);
    expect(same.checks).toEqual([]);
  });
});
