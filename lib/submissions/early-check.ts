import "server-only";
import type { ActionDefinition } from "../actions/action";
import { brokerageGuard, type BrokerageContext } from "../actions/guards";
import { logger } from "../logger";
import { createRateLimiter } from "../rate-limit/limiter";
import { CredentialsSchema, SUBMISSION_FIELDS } from "../validation/submission";
import { checkCredentials } from "../verification/credentials-check";
import type { CredentialsCheck } from "./form-state";
import { EARLY_CHECK_LIMIT, waitMessage } from "./limits";
import { resultView } from "./status-view";

/**
 * "Check these credentials": the token checks alone, before the whole form is sent.
 * Nothing is stored but the audit event; the secret is used for one token request and dropped.
 */
export const checkCredentialsEarly = {
  guard: brokerageGuard({
    limiter: createRateLimiter(EARLY_CHECK_LIMIT),
    crossOrigin: "This check can only be run from its own page.",
    limited: (retryAfterSeconds) => `These credentials have been checked many times in a few minutes. ${waitMessage(retryAfterSeconds)}`,
  }),
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
