import "server-only";
import { recordAudit } from "../audit/record";
import type { BrokerageSession } from "../auth/brokerage-session";
import { db } from "../db/client";
import type { RequestContext } from "../http/request-context";
import { logger } from "../logger";
import { hitRateLimit } from "../rate-limit/fixed-window";
import { CredentialsSchema, fieldErrors } from "../validation/submission";
import { checkCredentials } from "../verification/credentials-check";
import type { CredentialsCheckState } from "./form-state";
import { EARLY_CHECK_LIMIT, waitMessage } from "./limits";
import { SESSION_ENDED } from "./submit";
import { resultView } from "./status-view";

/**
 * "Check these credentials": the token checks alone, before the whole form is sent.
 * Nothing is stored; the secret is used for one token request and dropped.
 */
export async function checkCredentialsEarly(
  input: unknown,
  context: { session: BrokerageSession | null; request: RequestContext },
): Promise<CredentialsCheckState> {
  if (!context.request.sameOrigin) return { status: "refused", message: "This check can only be run from its own page." };
  if (!context.session) return { status: "refused", message: SESSION_ENDED };
  const parsed = CredentialsSchema.safeParse(input);
  if (!parsed.success) return { status: "invalid", errors: fieldErrors(parsed.error) };

  const limit = await hitRateLimit(EARLY_CHECK_LIMIT, context.session.brokerageId);
  if (!limit.allowed) {
    return { status: "refused", message: `These credentials have been checked many times in a few minutes. ${waitMessage(limit.retryAfterSeconds)}` };
  }
  await recordAudit(db(), {
    actor: { type: "brokerage", id: context.session.brokerageId },
    action: "credentials.checked-early",
    brokerageId: context.session.brokerageId,
    origin: { ip: context.request.ip, userAgent: context.request.userAgent },
    detail: { tenantId: parsed.data.tenantId, clientId: parsed.data.clientId },
  });
  try {
    const results = await checkCredentials(parsed.data);
    return { status: "checked", results: results.map(resultView) };
  } catch (error) {
    logger().error({ err: error }, "early credentials check failed");
    return { status: "unavailable" };
  }
}
