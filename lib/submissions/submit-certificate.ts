import "server-only";
import type { ActionDefinition } from "../actions/action";
import type { BrokerageContext } from "../actions/guards";
import { UserError } from "../errors";
import { logger } from "../logger";
import { certificateInputFromFormData } from "../validation/form-data";
import { CERTIFICATE_SUBMISSION_FIELDS, CertificateSubmissionSchema, type CertificateSubmissionInput } from "../validation/submission";
import { NoCertificateError } from "./certificate";
import { createAttempt } from "./create-attempt";
import type { SubmitAccepted } from "./form-state";
import { envelopeOf, envelopePrecondition, EnvelopeSchema, submitGuard } from "./submit-envelope";
import { queueVerificationRun } from "./verification-job";

/**
 * The `certificate` method's submit: the same envelope, guard, limit and one attempt
 * per rendered form as the secret's, without a secret: the attempt takes the
 * brokerage's current certificate, whose private key never left the server.
 */

const SubmitSchema = EnvelopeSchema.and(CertificateSubmissionSchema);

export const submitCertificateCredentials = {
  guard: submitGuard,
  precondition: envelopePrecondition,
  schema: SubmitSchema,
  input: (raw) => ({ ...certificateInputFromFormData(raw as FormData), ...envelopeOf(raw as FormData) }),
  fields: CERTIFICATE_SUBMISSION_FIELDS,
  echo: (raw) => certificateInputFromFormData(raw as FormData),
  run: async ({ idempotencyKey, basedOn, replaceWorking, ...submission }, ctx) => {
    let outcome;
    try {
      outcome = await createAttempt({
        brokerageId: ctx.session.brokerageId,
        submission,
        idempotencyKey,
        basedOn,
        replaceWorking: replaceWorking === "yes",
        origin: ctx.request,
      });
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
