import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { ActionDefinition } from "../actions/action";
import type { BrokerageContext } from "../actions/guards";
import { db } from "../db/client";
import { credentialApprovals, credentialRotations, submissionAttempts } from "../db/schema";
import { UserError } from "../errors";
import { logger } from "../logger";
import { NoCertificateError } from "../submissions/certificate";
import { createAttempt } from "../submissions/create-attempt";
import { envelopeOf, envelopePrecondition, EnvelopeSchema, submitGuard } from "../submissions/submit-envelope";
import { RotationSecretSchema, type RotationSecretInput } from "../validation/submission";
import { queueRotationRun } from "./verify";

/**
 * The rotation page's two sends (DESIGN §9): "I uploaded the new certificate, check it",
 * or the new secret pasted. Either makes an attempt with the approved tenant, app and
 * mailbox and only the credential new, and queues its run; the active credential stays
 * in service until the new one passes.
 */

type RotationCredential = { method: "certificate" } | { method: "client-secret"; clientSecret: string; secretExpiresOn: string };

export type RotationSent = { rotationId: string; attemptId: string };

export async function sendRotationCredential(
  brokerageId: string,
  credential: RotationCredential,
  envelope: { idempotencyKey: string; basedOn: number },
  origin: { ip: string; userAgent: string | null },
): Promise<RotationSent> {
  const [row] = await db()
    .select({ rotation: credentialRotations, attempt: submissionAttempts })
    .from(credentialRotations)
    .innerJoin(credentialApprovals, eq(credentialApprovals.id, credentialRotations.approvalId))
    .innerJoin(submissionAttempts, eq(submissionAttempts.id, credentialApprovals.attemptId))
    .where(and(eq(credentialRotations.brokerageId, brokerageId), isNull(credentialApprovals.endedAt)))
    .limit(1);
  if (!row || row.rotation.status === "completed") throw new UserError("There is no rotation to send. Nothing was sent.");
  if (row.rotation.status === "verifying") throw new UserError("We are still checking the credential you sent. Wait for the result on this page.");
  if (row.rotation.method !== credential.method) throw new UserError("This page is out of date, so nothing was sent. Reload it and try again.");
  const { rotation, attempt: active } = row;

  const common = {
    tenantId: active.tenantId,
    clientId: active.clientId,
    testMailbox: active.testMailbox,
    sendTestMessage: false,
    accessScope: active.accessScope,
    outsideMailbox: active.outsideMailbox,
    submitterName: active.submitterName,
    submitterEmail: active.submitterEmail,
    submitterPhone: active.submitterPhone,
  };
  const submission =
    credential.method === "certificate"
      ? { ...common, credentialMethod: "certificate" as const }
      : { ...common, clientSecret: credential.clientSecret, secretExpiresOn: credential.secretExpiresOn };

  let outcome;
  try {
    outcome = await createAttempt({
      brokerageId,
      submission,
      ...envelope,
      // The rotation page is the deliberate way to send a credential beside one that works.
      replaceWorking: true,
      origin,
      onCreated: async (change, attemptId) => {
        const [made] = await change.tx.select({ thumbprint: submissionAttempts.certificateThumbprint }).from(submissionAttempts).where(eq(submissionAttempts.id, attemptId));
        await change.tx
          .update(credentialRotations)
          .set({ status: "verifying", attemptId, ...(made?.thumbprint ? { nextThumbprint: made.thumbprint } : {}) })
          .where(eq(credentialRotations.id, rotation.id));
        await change.audit({ action: "rotation.sent", subject: { type: "attempt", id: attemptId }, brokerageId, detail: { rotationId: rotation.id, method: credential.method } });
      },
    });
  } catch (error) {
    if (error instanceof NoCertificateError) throw new UserError("The new certificate is no longer available. Reload this page to make another.");
    throw error;
  }
  if (outcome.kind === "created") {
    await queueRotationRun({ rotationId: rotation.id, attemptId: outcome.attemptId, retry: 0 }).catch((error: unknown) =>
      logger().error({ err: error, attemptId: outcome.attemptId }, "could not queue the rotation's run"),
    );
  }
  return { rotationId: rotation.id, attemptId: outcome.attemptId };
}

const CertificateSchema = EnvelopeSchema;

/** "I uploaded the new certificate": nothing to type, the prepared certificate signs in. */
export const sendRotationCertificate = {
  guard: submitGuard,
  precondition: envelopePrecondition,
  schema: CertificateSchema,
  input: (raw) => envelopeOf(raw as FormData),
  run: (envelope, ctx) => sendRotationCredential(ctx.session.brokerageId, { method: "certificate" }, envelope, ctx.request),
  revalidate: () => ["/submit/rotation"],
  redirectTo: () => "/submit/rotation",
} satisfies ActionDefinition<BrokerageContext, typeof CertificateSchema, RotationSent>;

const SecretSchema = EnvelopeSchema.and(RotationSecretSchema);

const text = (form: FormData, name: string) => {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
};
const secretInput = (form: FormData): RotationSecretInput => ({
  clientSecret: text(form, "clientSecret"),
  expiry: { day: text(form, "expiry.day"), month: text(form, "expiry.month"), year: text(form, "expiry.year") },
});

/** The new client secret, pasted: its value and expiry; the secret is never echoed back. */
export const sendRotationSecret = {
  guard: submitGuard,
  precondition: envelopePrecondition,
  schema: SecretSchema,
  input: (raw) => ({ ...secretInput(raw as FormData), ...envelopeOf(raw as FormData) }),
  fields: ["clientSecret", "expiry.day", "expiry.month", "expiry.year"],
  secretFields: ["clientSecret"],
  run: ({ idempotencyKey, basedOn, clientSecret, secretExpiresOn }, ctx) =>
    sendRotationCredential(ctx.session.brokerageId, { method: "client-secret", clientSecret, secretExpiresOn }, { idempotencyKey, basedOn }, ctx.request),
  revalidate: () => ["/submit/rotation"],
  redirectTo: () => "/submit/rotation",
} satisfies ActionDefinition<BrokerageContext, typeof SecretSchema, RotationSent>;
