import "server-only";
import { z } from "zod";
import type { BrokerageSession } from "../auth/brokerage-session";
import { logger } from "../logger";
import { discoverTenant } from "../microsoft/discovery";
import { hitRateLimit } from "../rate-limit/fixed-window";
import type { TenantLookupState } from "./form-state";
import { TENANT_LOOKUP_LIMIT } from "./limits";

const Mailbox = z.email().max(254);

/**
 * The tenant that owns the test mailbox's domain, found by OpenID discovery, so the
 * form can offer it when the Tenant ID is empty or different. Quiet when unsure.
 */
export async function lookupTenantForMailbox(
  mailbox: unknown,
  context: { session: BrokerageSession | null; sameOrigin: boolean },
): Promise<TenantLookupState> {
  if (!context.session || !context.sameOrigin) return { status: "none" };
  const parsed = Mailbox.safeParse(typeof mailbox === "string" ? mailbox.trim().toLowerCase() : mailbox);
  if (!parsed.success) return { status: "none" };
  const domain = parsed.data.split("@")[1]!;
  const limit = await hitRateLimit(TENANT_LOOKUP_LIMIT, context.session.brokerageId);
  if (!limit.allowed) return { status: "none" };
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
}
