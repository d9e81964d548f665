import "server-only";
import type { ActionDefinition } from "../actions/action";
import type { BrokerageContext } from "../actions/guards";
import { logger } from "../logger";
import { googleInputFromFormData } from "../validation/form-data";
import { GOOGLE_SUBMISSION_FIELDS, GoogleSubmissionSchema, type GoogleSubmissionInput } from "../validation/submission";
import { createAttempt } from "./create-attempt";
import type { SubmitAccepted } from "./form-state";
import { envelopeOf, envelopePrecondition, EnvelopeSchema, submitGuard } from "./submit-envelope";
import { queueVerificationRun } from "./verification-job";

/**
 * Google Workspace's submit (DESIGN §10): the same envelope, guard, limit and one attempt
 * per rendered form as the Microsoft forms; the attempt holds the domain and the test user,
 * and nothing secret: the vendor's service account signs in.
 */

const SubmitSchema = EnvelopeSchema.and(GoogleSubmissionSchema);

export const submitGoogleWorkspace = {
  guard: submitGuard,
  precondition: envelopePrecondition,
  schema: SubmitSchema,
  input: (raw) => ({ ...googleInputFromFormData(raw as FormData), ...envelopeOf(raw as FormData) }),
  fields: GOOGLE_SUBMISSION_FIELDS,
  echo: (raw) => googleInputFromFormData(raw as FormData),
  run: async ({ idempotencyKey, basedOn, ...submission }, ctx) => {
    const outcome = await createAttempt({ brokerageId: ctx.session.brokerageId, submission, idempotencyKey, basedOn, origin: ctx.request });
    if (outcome.kind === "created") {
      await queueVerificationRun({ attemptId: outcome.attemptId, trigger: "submit", retry: 0 }).catch((error: unknown) =>
        logger().error({ err: error, attemptId: outcome.attemptId }, "could not queue verification"),
      );
    }
    return { attemptId: outcome.attemptId, alreadySent: outcome.kind === "sent-elsewhere" };
  },
  redirectTo: (r) => `/submit/status/${r.attemptId}${r.alreadySent ? "?already-sent=1" : ""}`,
} satisfies ActionDefinition<BrokerageContext, typeof SubmitSchema, SubmitAccepted, GoogleSubmissionInput>;
