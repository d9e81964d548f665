import "server-only";
import { z } from "zod";
import type { ActionDefinition } from "../actions/action";
import { brokerageGuard, type BrokerageContext } from "../actions/guards";
import { createRateLimiter } from "../rate-limit/limiter";
import { issueBrokerageCertificate } from "./certificate";
import { CERTIFICATE_LIMIT, waitMessage } from "./limits";

/** "Create my certificate" (or a new one): a key pair and certificate for the brokerage, audited; the old key destroyed. */
export const issueCertificate = {
  guard: brokerageGuard({
    limiter: createRateLimiter(CERTIFICATE_LIMIT),
    crossOrigin: "This form can only be sent from its own page. Nothing was changed.",
    limited: (retryAfterSeconds) => `Too many certificates were made in the last hour. ${waitMessage(retryAfterSeconds)}`,
  }),
  schema: z.object({}),
  run: (_input, ctx) => ctx.change((change) => issueBrokerageCertificate(change, ctx.session.brokerageId)),
  revalidate: () => ["/submit/certificate"],
} satisfies ActionDefinition<BrokerageContext, z.ZodObject<Record<string, never>>, { id: string; thumbprint: string; notAfter: Date }>;
