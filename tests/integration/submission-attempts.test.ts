import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { openSecret } from "@/lib/crypto/secret-box";
import { generateKeyRingEntry } from "@/lib/crypto/key-ring";
import { db } from "@/lib/db/client";
import { auditEvents, submissionAttempts } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { createAttempt, type AttemptRequest } from "@/lib/submissions/create-attempt";
import { performAction } from "@/lib/actions/action";
import { submitCredentials } from "@/lib/submissions/submit";
import { formDataFromSubmissionInput } from "@/lib/validation/form-data";
import { errorList, SubmissionSchema, type SubmissionInput } from "@/lib/validation/submission";
import { brokerageRequest, brokerageWithInvite, stageOf } from "../support/brokerages";

const SECRET = "abc8Q~Zx1yW2vU3tS4rQ5pO6nM7lK8jI9hG0fEdC";
const input: SubmissionInput = {
  tenantId: "3f2a1b6c-1d2e-4f50-8a9b-0c1d2e3f4a5b",
  clientId: "9b8c7d6e-5f40-4a3b-9c2d-1e0f9a8b7c6d",
  clientSecret: SECRET,
  expiry: { day: "1", month: "6", year: String(new Date().getUTCFullYear() + 1) },
  testMailbox: "agent@harbor.example",
  sendTestMessage: true,
  submitterName: "Dana Whitfield",
  submitterEmail: "it@harbor.example",
  submitterPhone: "",
};
const origin = { ip: "203.0.113.7", userAgent: "vitest" };

beforeAll(() => {
  process.env.CREDENTIALS_KEYS = generateKeyRingEntry("t1");
  resetEnvCache();
});

function request(brokerageId: string, overrides: Partial<AttemptRequest> = {}): AttemptRequest {
  return { brokerageId, submission: SubmissionSchema.parse(input), idempotencyKey: randomUUID(), basedOn: 0, origin, ...overrides };
}

const attemptsOf = (brokerageId: string) =>
  db().select().from(submissionAttempts).where(eq(submissionAttempts.brokerageId, brokerageId)).orderBy(submissionAttempts.number);

describe("creating an attempt", () => {
  it("stores the secret only encrypted, bound to the attempt, and moves the brokerage to submitted", async () => {
    const { brokerage } = await brokerageWithInvite("Harbor Realty");
    const outcome = await createAttempt(request(brokerage.id));
    expect(outcome).toMatchObject({ kind: "created", number: 1 });

    const [attempt] = await attemptsOf(brokerage.id);
    expect(attempt).toMatchObject({ status: "verifying", secretHint: "abc", secretKeyId: "t1", tenantId: input.tenantId });
    expect(attempt!.secretCiphertext!.includes(Buffer.from(SECRET))).toBe(false);
    expect(openSecret({ ciphertext: attempt!.secretCiphertext!, keyId: "t1" }, attempt!.id)).toBe(SECRET);
    expect(await stageOf(brokerage.id)).toBe("submitted");
    const audit = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, attempt!.id));
    expect(audit.map((a) => a.action)).toEqual(["attempt.submitted"]);
    expect(JSON.stringify(audit)).not.toContain(SECRET);
  });

  it("makes one attempt from a form posted twice", async () => {
    const { brokerage } = await brokerageWithInvite("Summit Homes");
    const same = request(brokerage.id);
    const first = await createAttempt(same);
    const again = await createAttempt(same);
    expect(again).toEqual({ kind: "repeat", attemptId: first.attemptId, number: 1 });
    expect(await attemptsOf(brokerage.id)).toHaveLength(1);
  });

  it("makes one attempt from two parallel posts of the same form", async () => {
    const { brokerage } = await brokerageWithInvite("Parallel Realty");
    const same = request(brokerage.id);
    const results = await Promise.all([createAttempt(same), createAttempt(same), createAttempt(same)]);
    expect(new Set(results.map((r) => r.attemptId)).size).toBe(1);
    expect(results.filter((r) => r.kind === "created")).toHaveLength(1);
    expect(await attemptsOf(brokerage.id)).toHaveLength(1);
  });

  it("makes one attempt from two tabs of the same page sent at once", async () => {
    const { brokerage } = await brokerageWithInvite("Two Tabs Realty");
    const results = await Promise.all([createAttempt(request(brokerage.id)), createAttempt(request(brokerage.id))]);
    expect(results.map((r) => r.kind).sort()).toEqual(["created", "sent-elsewhere"]);
    expect(await attemptsOf(brokerage.id)).toHaveLength(1);
  });

  it("numbers a resubmission and destroys the secret it replaces", async () => {
    const { brokerage } = await brokerageWithInvite("Resubmit Realty");
    const first = await createAttempt(request(brokerage.id));
    const second = await createAttempt(request(brokerage.id, { basedOn: 1 }));
    expect(second).toMatchObject({ kind: "created", number: 2 });

    const [old, current] = await attemptsOf(brokerage.id);
    expect(old).toMatchObject({ id: first.attemptId, status: "superseded", secretCiphertext: null, secretKeyId: null });
    expect(old!.secretDestroyedAt).toBeInstanceOf(Date);
    expect(current).toMatchObject({ status: "verifying", number: 2 });
    expect(current!.secretCiphertext).not.toBeNull();
    const [audit] = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.subjectId, first.attemptId), eq(auditEvents.action, "attempt.superseded")));
    expect(audit?.detail).toMatchObject({ supersededBy: second.attemptId, secretDestroyed: true });
  });

  it("keeps an approved attempt's secret when a newer one is sent", async () => {
    const { brokerage } = await brokerageWithInvite("Approved Realty");
    const first = await createAttempt(request(brokerage.id));
    await db().update(submissionAttempts).set({ status: "approved" }).where(eq(submissionAttempts.id, first.attemptId));
    await createAttempt(request(brokerage.id, { basedOn: 1, replaceWorking: true }));
    const [approved] = await attemptsOf(brokerage.id);
    expect(approved).toMatchObject({ status: "approved" });
    expect(approved!.secretCiphertext).not.toBeNull();
  });

  it("refuses to replace credentials that work unless that was chosen, and keeps them", async () => {
    for (const status of ["verified", "approved"] as const) {
      const { brokerage } = await brokerageWithInvite(`Working ${status} Realty`);
      const first = await createAttempt(request(brokerage.id));
      await db().update(submissionAttempts).set({ status }).where(eq(submissionAttempts.id, first.attemptId));
      await expect(createAttempt(request(brokerage.id, { basedOn: 1 }))).rejects.toThrow(/Attempt 1 already works, so nothing was sent/);
      const [kept, ...others] = await attemptsOf(brokerage.id);
      expect(others).toHaveLength(0);
      expect(kept).toMatchObject({ status });
      expect(kept!.secretCiphertext).not.toBeNull();
      expect(await createAttempt(request(brokerage.id, { basedOn: 1, replaceWorking: true }))).toMatchObject({ kind: "created", number: 2 });
    }
  });
});

describe("the submit action's checks", () => {
  const submit = (form: FormData, request: Headers) => performAction(submitCredentials, form, request);
  const form = (values: SubmissionInput = input) =>
    formDataFromSubmissionInput(values, { idempotencyKey: randomUUID(), basedOn: "0" });

  it("refuses a post from another origin and stores nothing", async () => {
    const { brokerage, inviteId } = await brokerageWithInvite("Cross Origin Realty");
    const result = await submit(form(), await brokerageRequest({ brokerageId: brokerage.id, inviteId }, { origin: "https://evil.example" }));
    expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/only be sent from its own page/) });
    expect(await attemptsOf(brokerage.id)).toHaveLength(0);
  });

  it("refuses a post without a session", async () => {
    const result = await submit(form(), await brokerageRequest(null));
    expect(result).toMatchObject({ status: "error", message: expect.stringMatching(/session has ended/) });
  });

  it("validates again on the server, sends back no secret, and asks for it again", async () => {
    const { brokerage, inviteId } = await brokerageWithInvite("Invalid Realty");
    const result = await submit(form({ ...input, tenantId: "not-a-guid" }), await brokerageRequest({ brokerageId: brokerage.id, inviteId }));
    expect(result).toMatchObject({ status: "invalid" });
    expect(errorList(result.errors ?? {})).toEqual([
      { field: "tenantId", id: "tenant-id", message: "Tenant ID must be a GUID, like 00000000-0000-0000-0000-000000000000" },
      { field: "clientSecret", id: "client-secret", message: "Enter the client secret value again" },
    ]);
    expect(JSON.stringify(result)).not.toContain(SECRET);
    expect(await attemptsOf(brokerage.id)).toHaveLength(0);
  });
});
