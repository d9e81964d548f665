import "server-only";
import type { ActionDefinition } from "../actions/action";
import type { BrokerageContext } from "../actions/guards";
import { logger } from "../logger";
import { submissionInputFromFormData } from "../validation/form-data";
import { SUBMISSION_FIELDS, SubmissionSchema, type SubmissionInput } from "../validation/submission";
import { createAttempt } from "./create-attempt";
import type { PrefillValues, SubmitAccepted } from "./form-state";
import { envelopeOf, envelopePrecondition, EnvelopeSchema, submitGuard } from "./submit-envelope";
import { queueVerificationRun } from "./verification-job";

/**
 * The form's submit: re-validate everything the browser validated, refuse what did
 * not come from this portal's page, make exactly one attempt per rendered form, and
 * queue its verification. The secret goes no further than the encrypted column.
 */

const SubmitSchema = EnvelopeSchema.and(SubmissionSchema);

export const submitCredentials = {
  guard: submitGuard,
  precondition: envelopePrecondition,
  schema: SubmitSchema,
  input: (raw) => ({ ...submissionInputFromFormData(raw as FormData), ...envelopeOf(raw as FormData) }),
  fields: SUBMISSION_FIELDS,
  invalid: askSecretAgain,
  echo: (raw) => withoutSecret(submissionInputFromFormData(raw as FormData)),
  run: async ({ idempotencyKey, basedOn, ...submission }, ctx) => {
    const outcome = await createAttempt({
      brokerageId: ctx.session.brokerageId,
      submission,
      idempotencyKey,
      basedOn,
      origin: ctx.request,
    });
    if (outcome.kind === "created") {
      // The attempt is committed; if queueing fails now, the sweep (or the status page) queues it again.
      await queueVerificationRun({ attemptId: outcome.attemptId, trigger: "submit", retry: 0 }).catch((error: unknown) =>
        logger().error({ err: error, attemptId: outcome.attemptId }, "could not queue verification"),
      );
    }
    return { attemptId: outcome.attemptId, alreadySent: outcome.kind === "sent-elsewhere" };
  },
  redirectTo: (r) => `/submit/status/${r.attemptId}${r.alreadySent ? "?already-sent=1" : ""}`,
} satisfies ActionDefinition<BrokerageContext, typeof SubmitSchema, SubmitAccepted, PrefillValues>;

/** What the form gets back after a problem: everything it sent except the secret. */
function withoutSecret(input: SubmissionInput): PrefillValues {
  return {
    tenantId: input.tenantId,
    clientId: input.clientId,
    expiry: input.expiry,
    testMailbox: input.testMailbox,
    sendTestMessage: input.sendTestMessage,
    accessScope: input.accessScope,
    outsideMailbox: input.outsideMailbox,
    submitterName: input.submitterName,
    submitterEmail: input.submitterEmail,
    submitterPhone: input.submitterPhone,
  };
}

/** The secret is never sent back, so after any problem it has to be entered again. */
function askSecretAgain(errors: Record<string, string>): Record<string, string> {
  if (errors.clientSecret) return errors;
  const entries = Object.entries(errors);
  const order = entries.findIndex(([field]) => !["tenantId", "clientId"].includes(field));
  const secret: [string, string] = ["clientSecret", "Enter the client secret value again"];
  return Object.fromEntries(order === -1 ? [...entries, secret] : [...entries.slice(0, order), secret, ...entries.slice(order)]);
}
