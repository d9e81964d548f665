import "server-only";
import { z } from "zod";
import type { ActionDefinition } from "../actions/action";
import { brokerageGuard, type BrokerageContext } from "../actions/guards";
import { logger } from "../logger";
import { discoverTenant } from "../microsoft/discovery";
import { createRateLimiter } from "../rate-limit/limiter";
import type { TenantLookup } from "./form-state";
import { TENANT_LOOKUP_LIMIT } from "./limits";

const Mailbox = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email().max(254));

/**
 * The tenant that owns the test mailbox's domain, found by OpenID discovery, so the
 * form can offer it when the Tenant ID is empty or different. Quiet when unsure: the
 * form shows nothing for any answer but `ok`.
 */
export const lookupTenantForMailbox = {
  guard: brokerageGuard({ limiter: createRateLimiter(TENANT_LOOKUP_LIMIT), crossOrigin: "", limited: () => "" }),
  schema: Mailbox,
  echo: () => ({}),
  run: async (mailbox) => {
    const domain = mailbox.split("@")[1]!;
    try {
      const found = await discoverTenant(domain);
      if (found.status === "found") return { status: "found", domain, tenantId: found.tenantId.toLowerCase() };
      if (found.status === "not-found") return { status: "not-found", domain };
      if (found.status === "other-cloud") return { status: "other-cloud", domain };
      return { status: "none" };
    } catch (error) {
      logger().warn({ err: error, domain }, "tenant lookup failed");
      return { status: "none" };
    }
  },
} satisfies ActionDefinition<BrokerageContext, typeof Mailbox, TenantLookup>;
