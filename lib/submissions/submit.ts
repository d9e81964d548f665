import "server-only";
import { z } from "zod";
import type { BrokerageSession } from "../auth/brokerage-session";
import type { RequestContext } from "../http/request-context";
import { logger } from "../logger";
import { hitRateLimit } from "../rate-limit/fixed-window";
import { submissionInputFromFormData } from "../validation/form-data";
import { fieldErrors, SubmissionSchema, type FieldError, type SubmissionInput } from "../validation/submission";
import { createAttempt } from "./create-attempt";
import type { PrefillValues, SubmitState } from "./form-state";
import { SUBMIT_LIMIT, waitMessage } from "./limits";
import { queueVerificationRun } from "./verification-job";

/**
 * The form's submit: re-validate everything the browser validated, refuse what did
 * not come from this portal's page, make exactly one attempt per rendered form, and
 * queue its verification. The secret goes no further than the encrypted column.
 */

const EnvelopeSchema = z.object({
  idempotencyKey: z.uuid(),
  basedOn: z.coerce.number().int().min(0).max(1_000_000),
});

export type SubmitResult = SubmitState | { status: "accepted"; attemptId: string; alreadySent: boolean };

export const SESSION_ENDED = "Your session has ended, so nothing was sent. Open the link in your invite email again.";

export async function submitCredentials(
  form: FormData,
  context: { session: BrokerageSession | null; request: RequestContext },
): Promise<SubmitResult> {
  const at = Date.now();
  if (!context.request.sameOrigin) {
    logger().warn({ ip: context.request.ip }, "cross-origin form submission refused");
    return { status: "refused", message: "This form can only be sent from its own page. Nothing was sent.", at };
  }
  if (!context.session) return { status: "refused", message: SESSION_ENDED, at };
  const envelope = EnvelopeSchema.safeParse({ idempotencyKey: form.get("idempotencyKey"), basedOn: form.get("basedOn") });
  if (!envelope.success) {
    return { status: "refused", message: "This page is out of date, so nothing was sent. Reload it and try again.", at };
  }

  const input = submissionInputFromFormData(form);
  const parsed = SubmissionSchema.safeParse(input);
  if (!parsed.success) {
    return { status: "invalid", errors: askSecretAgain(fieldErrors(parsed.error)), values: withoutSecret(input), at };
  }

  const brokerageId = context.session.brokerageId;
  const limit = await hitRateLimit(SUBMIT_LIMIT, brokerageId);
  if (!limit.allowed) {
    return { status: "refused", message: `This form has been sent too many times in the last hour. ${waitMessage(limit.retryAfterSeconds)}`, at };
  }

  const outcome = await createAttempt({
    brokerageId,
    submission: parsed.data,
    idempotencyKey: envelope.data.idempotencyKey,
    basedOn: envelope.data.basedOn,
    origin: { ip: context.request.ip, userAgent: context.request.userAgent },
  });
  if (outcome.kind === "created") {
    // The attempt is committed; if queueing fails now, the status page queues it again.
    await queueVerificationRun({ attemptId: outcome.attemptId, trigger: "submit", retry: 0 }).catch((error: unknown) =>
      logger().error({ err: error, attemptId: outcome.attemptId }, "could not queue verification"),
    );
  }
  return { status: "accepted", attemptId: outcome.attemptId, alreadySent: outcome.kind === "sent-elsewhere" };
}

/** What the form gets back after a problem: everything it sent except the secret. */
function withoutSecret(input: SubmissionInput): PrefillValues {
  return {
    tenantId: input.tenantId,
    clientId: input.clientId,
    expiry: input.expiry,
    testMailbox: input.testMailbox,
    sendTestMessage: input.sendTestMessage,
    submitterName: input.submitterName,
    submitterEmail: input.submitterEmail,
    submitterPhone: input.submitterPhone,
  };
}

/** The secret is never sent back, so after any problem it has to be entered again. */
function askSecretAgain(errors: FieldError[]): FieldError[] {
  if (errors.some((e) => e.field === "clientSecret")) return errors;
  const secretError: FieldError = { field: "clientSecret", id: "client-secret", message: "Enter the client secret value again" };
  const order = errors.findIndex((e) => !["tenantId", "clientId"].includes(e.field));
  return order === -1 ? [...errors, secretError] : [...errors.slice(0, order), secretError, ...errors.slice(order)];
}
