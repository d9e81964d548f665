import "server-only";
import type { ActionDefinition } from "../actions/action";
import { brokerageGuard, type BrokerageContext } from "../actions/guards";
import { logger } from "../logger";
import { createRateLimiter } from "../rate-limit/limiter";
import { CertificateCredentialsSchema, CredentialsSchema, SUBMISSION_FIELDS } from "../validation/submission";
import { UserError } from "../errors";
import { currentCertificateForCheck, NoCertificateError } from "./certificate";
import { checkCredentials } from "../verification/credentials-check";
import type { CredentialsCheck } from "./form-state";
import { EARLY_CHECK_LIMIT, waitMessage } from "./limits";
import { resultView } from "./status-view";

/**
 * "Check these credentials": the token checks alone, before the whole form is sent.
 * Nothing is stored but the audit event; the secret is used for one token request and dropped.
 */
const earlyCheckGuard = brokerageGuard({
  limiter: createRateLimiter(EARLY_CHECK_LIMIT),
  crossOrigin: "This check can only be run from its own page.",
  limited: (retryAfterSeconds) => `These credentials have been checked many times in a few minutes. ${waitMessage(retryAfterSeconds)}`,
});

export const checkCredentialsEarly = {
  guard: earlyCheckGuard,
  schema: CredentialsSchema,
  fields: SUBMISSION_FIELDS,
  echo: () => ({}),
  run: async (credentials, ctx) => {
    await ctx.change(({ audit }) =>
      audit({
        action: "credentials.checked-early",
        brokerageId: ctx.session.brokerageId,
        detail: { tenantId: credentials.tenantId, clientId: credentials.clientId },
      }),
    );
    try {
      const results = await checkCredentials(credentials);
      return { outcome: "checked", results: results.map(resultView) };
    } catch (error) {
      logger().error({ err: error }, "early credentials check failed");
      return { outcome: "unavailable" };
    }
  },
} satisfies ActionDefinition<BrokerageContext, typeof CredentialsSchema, CredentialsCheck>;

/**
 * The certificate form's "Check these credentials": the two IDs with the brokerage's
 * current certificate (its key opened for one token request, audited), before the rest
 * of the form. Tells a certificate not uploaded yet before anything is sent.
 */
export const checkCertificateEarly = {
  guard: earlyCheckGuard,
  schema: CertificateCredentialsSchema,
  fields: SUBMISSION_FIELDS,
  echo: () => ({}),
  run: async (ids, ctx) => {
    let clientCertificate;
    try {
      clientCertificate = await ctx.change(async (change) => {
        await change.audit({ action: "credentials.checked-early", brokerageId: ctx.session.brokerageId, detail: { ...ids, method: "certificate" } });
        return currentCertificateForCheck(change, ctx.session.brokerageId);
      });
    } catch (error) {
      if (error instanceof NoCertificateError) throw new UserError("Create the certificate and upload it to your app first.");
      throw error;
    }
    try {
      const results = await checkCredentials({ ...ids, clientCertificate });
      return { outcome: "checked", results: results.map(resultView) };
    } catch (error) {
      logger().error({ err: error }, "early certificate check failed");
      return { outcome: "unavailable" };
    }
  },
} satisfies ActionDefinition<BrokerageContext, typeof CertificateCredentialsSchema, CredentialsCheck>;
