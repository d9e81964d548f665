import "server-only";
import { z } from "zod";
import type { ActionDefinition } from "../actions/action";
import { brokerageGuard, type BrokerageContext } from "../actions/guards";
import { UserError } from "../errors";
import { logger } from "../logger";
import { createRateLimiter } from "../rate-limit/limiter";
import { certificateInputFromFormData } from "../validation/form-data";
import { CERTIFICATE_SUBMISSION_FIELDS, CertificateSubmissionSchema, type CertificateSubmissionInput } from "../validation/submission";
import { NoCertificateError } from "./certificate";
import { createAttempt } from "./create-attempt";
import type { SubmitAccepted } from "./form-state";
import { SUBMIT_LIMIT, waitMessage } from "./limits";
import { queueVerificationRun } from "./verification-job";

/**
 * The `certificate` method's submit: the same envelope, guard, limit and one attempt
 * per rendered form as the secret's, without a secret: the attempt takes the
 * brokerage's current certificate, whose private key never left the server.
 */

const EnvelopeSchema = z.object({
  idempotencyKey: z.uuid(),
  basedOn: z.coerce.number().int().min(0).max(1_000_000),
});
const envelopeOf = (form: FormData) => ({ idempotencyKey: form.get("idempotencyKey"), basedOn: form.get("basedOn") });

const SubmitSchema = EnvelopeSchema.and(CertificateSubmissionSchema);

export const submitCertificateCredentials = {
  guard: brokerageGuard({
    limiter: createRateLimiter(SUBMIT_LIMIT),
    crossOrigin: "This form can only be sent from its own page. Nothing was sent.",
    limited: (retryAfterSeconds) => `This form has been sent too many times in the last hour. ${waitMessage(retryAfterSeconds)}`,
  }),
  precondition: (raw) =>
    EnvelopeSchema.safeParse(envelopeOf(raw as FormData)).success ? null : "This page is out of date, so nothing was sent. Reload it and try again.",
  schema: SubmitSchema,
  input: (raw) => ({ ...certificateInputFromFormData(raw as FormData), ...envelopeOf(raw as FormData) }),
  fields: CERTIFICATE_SUBMISSION_FIELDS,
  echo: (raw) => certificateInputFromFormData(raw as FormData),
  run: async ({ idempotencyKey, basedOn, ...submission }, ctx) => {
    let outcome;
    try {
      outcome = await createAttempt({ brokerageId: ctx.session.brokerageId, submission, idempotencyKey, basedOn, origin: ctx.request });
    } catch (error) {
      if (error instanceof NoCertificateError) throw new UserError("Create the certificate and upload it to your app first, then send this form.");
      throw error;
    }
    if (outcome.kind === "created") {
      await queueVerificationRun({ attemptId: outcome.attemptId, trigger: "submit", retry: 0 }).catch((error: unknown) =>
        logger().error({ err: error, attemptId: outcome.attemptId }, "could not queue verification"),
      );
    }
    return { attemptId: outcome.attemptId, alreadySent: outcome.kind === "sent-elsewhere" };
  },
  redirectTo: (r) => `/submit/status/${r.attemptId}${r.alreadySent ? "?already-sent=1" : ""}`,
} satisfies ActionDefinition<BrokerageContext, typeof SubmitSchema, SubmitAccepted, CertificateSubmissionInput>;
