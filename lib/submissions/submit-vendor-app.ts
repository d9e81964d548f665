import "server-only";
import { z } from "zod";
import { and, eq, isNull } from "drizzle-orm";
import type { ActionDefinition } from "../actions/action";
import type { BrokerageContext } from "../actions/guards";
import { db } from "../db/client";
import { vendorConsents } from "../db/schema";
import { UserError } from "../errors";
import { logger } from "../logger";
import { vendorAppConfigured } from "../microsoft/vendor-app";
import { vendorAppInputFromFormData } from "../validation/form-data";
import { VENDOR_APP_SUBMISSION_FIELDS, VendorAppSubmissionSchema, type VendorAppSubmissionInput } from "../validation/submission";
import { createAttempt } from "./create-attempt";
import type { SubmitAccepted } from "./form-state";
import { envelopeOf, envelopePrecondition, EnvelopeSchema, submitGuard } from "./submit-envelope";
import { pendingConsent, startVendorConsent } from "./vendor-consent";
import { queueVerificationRun } from "./verification-job";

/**
 * The `vendor-app` method's submit, after Microsoft's consent: the same envelope, guard
 * and limit as the other methods; the tenant is the one that consented in this session,
 * the client id the vendor's. Nothing secret is posted or stored.
 */

const SubmitSchema = EnvelopeSchema.and(VendorAppSubmissionSchema).and(z.object({ consentId: z.uuid() }));

export const submitVendorAppCredentials = {
  guard: submitGuard,
  precondition: envelopePrecondition,
  schema: SubmitSchema,
  input: (raw) => ({ ...vendorAppInputFromFormData(raw as FormData), ...envelopeOf(raw as FormData), consentId: (raw as FormData).get("consentId") }),
  fields: VENDOR_APP_SUBMISSION_FIELDS,
  echo: (raw) => vendorAppInputFromFormData(raw as FormData),
  run: async ({ idempotencyKey, basedOn, consentId, ...answers }, ctx) => {
    const app = vendorAppConfigured();
    const consent = await pendingConsent(ctx.session, consentId);
    if (!app || !consent) throw new UserError("This consent is no longer waiting for a test mailbox. Select Connect with Microsoft again.");
    const outcome = await createAttempt({
      brokerageId: ctx.session.brokerageId,
      submission: { ...answers, credentialMethod: "vendor-app", tenantId: consent.tenantId, clientId: app.clientId },
      idempotencyKey,
      basedOn,
      origin: ctx.request,
    });
    // The consent made this attempt; it is not used for another.
    await db()
      .update(vendorConsents)
      .set({ attemptId: outcome.attemptId })
      .where(and(eq(vendorConsents.id, consent.id), isNull(vendorConsents.attemptId)));
    if (outcome.kind === "created") {
      await queueVerificationRun({ attemptId: outcome.attemptId, trigger: "submit", retry: 0 }).catch((error: unknown) =>
        logger().error({ err: error, attemptId: outcome.attemptId }, "could not queue verification"),
      );
    }
    return { attemptId: outcome.attemptId, alreadySent: outcome.kind === "sent-elsewhere" };
  },
  redirectTo: (r) => `/submit/status/${r.attemptId}${r.alreadySent ? "?already-sent=1" : ""}`,
} satisfies ActionDefinition<BrokerageContext, typeof SubmitSchema, SubmitAccepted, VendorAppSubmissionInput>;

/** "Sign in with Microsoft": a state for this session, then Microsoft's admin-consent page. */
export const startVendorConsentAction = {
  guard: submitGuard,
  schema: z.unknown(),
  run: async (_input, ctx) => {
    if (!vendorAppConfigured()) throw new UserError("Connect with Microsoft is not available. Use one of the other ways below.");
    return { url: await startVendorConsent(ctx.session, ctx.request) };
  },
  redirectTo: (r) => r.url,
} satisfies ActionDefinition<BrokerageContext, z.ZodUnknown, { url: string }>;
