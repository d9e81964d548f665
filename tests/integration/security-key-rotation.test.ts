import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { run } from "@/lib/cli/keys";
import { generateKeyRingEntry, parseKeyRing } from "@/lib/crypto/key-ring";
import { openSecret } from "@/lib/crypto/secret-box";
import { db } from "@/lib/db/client";
import { auditEvents, submissionAttempts } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { createAttempt } from "@/lib/submissions/create-attempt";
import { SubmissionSchema } from "@/lib/validation/submission";
import { brokerageWithInvite } from "../support/brokerages";

const useKeys = (value: string) => {
  process.env.CREDENTIALS_KEYS = value;
  resetEnvCache();
};

const submission = (secret: string) =>
  SubmissionSchema.parse({
    tenantId: "3f2a1b6c-1d2e-4f50-8a9b-0c1d2e3f4a5b",
    clientId: "9b8c7d6e-5f40-4a3b-9c2d-1e0f9a8b7c6d",
    clientSecret: secret,
    expiry: { day: "1", month: "6", year: String(new Date().getUTCFullYear() + 1) },
    testMailbox: "agent@harbor.example",
    sendTestMessage: true,
    submitterName: "Dana Whitfield",
    submitterEmail: "it@harbor.example",
    submitterPhone: "",
  });

afterEach(() => vi.restoreAllMocks());

describe("keys rotate", () => {
  it("re-encrypts every stored secret under the new first key, audited, so the old key can go", async () => {
    const oldKey = generateKeyRingEntry("old");
    const newKey = generateKeyRingEntry("new");
    useKeys(oldKey);
    const secrets = ["abc8Q~Zx1yW2vU3tS4rQ5pO6nM7lK8jI9hG0fEdC", "xyz8Q~Zx1yW2vU3tS4rQ5pO6nM7lK8jI9hG0fEdC"];
    const ids: string[] = [];
    for (const [i, secret] of secrets.entries()) {
      const { brokerage } = await brokerageWithInvite(`Rotation Realty ${i}`);
      const origin = { ip: "203.0.113.7", userAgent: null };
      ids.push((await createAttempt({ brokerageId: brokerage.id, submission: submission(secret), idempotencyKey: randomUUID(), basedOn: 0, origin })).attemptId);
    }

    useKeys(`${newKey},${oldKey}`);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await run(["rotate"])).toBe(0);
    expect(log).toHaveBeenCalledWith("Re-encrypted 2 secrets under key new.");

    const onlyNew = parseKeyRing(newKey);
    for (const [i, id] of ids.entries()) {
      const row = await db().query.submissionAttempts.findFirst({ where: eq(submissionAttempts.id, id) });
      expect(row?.secretKeyId).toBe("new");
      expect(openSecret({ ciphertext: row!.secretCiphertext!, keyId: row!.secretKeyId! }, id, onlyNew)).toBe(secrets[i]);
      const audit = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, id));
      expect(audit.map((a) => a.action)).toContain("secret.rotated");
    }

    // A second run finds nothing left to do.
    expect(await run(["rotate"])).toBe(0);
    expect(log).toHaveBeenLastCalledWith("Re-encrypted 0 secrets under key new.");
  });

  it("names the attempts whose key is missing and exits 1", async () => {
    const lost = generateKeyRingEntry("lost");
    useKeys(lost);
    const { brokerage } = await brokerageWithInvite("Lost Key Realty");
    const origin = { ip: "203.0.113.7", userAgent: null };
    const { attemptId } = await createAttempt({ brokerageId: brokerage.id, submission: submission("def8Q~Zx1yW2vU3tS4rQ5pO6nM7lK8jI9hG0fEdC"), idempotencyKey: randomUUID(), basedOn: 0, origin });

    useKeys(generateKeyRingEntry("fresh"));
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await run(["rotate"])).toBe(1);
    expect(String(error.mock.calls[0]?.[0])).toContain(attemptId);
  });

  it("refuses unknown usage with 64", async () => {
    vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect(await run(["rotate", "now"])).toBe(64);
    expect(await run([])).toBe(64);
  });
});
