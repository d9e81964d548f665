import "server-only";
import { z } from "zod";
import type { ActionDefinition } from "../actions/action";
import { brokerageGuard, type BrokerageContext } from "../actions/guards";
import { logger } from "../logger";
import { detectProvider } from "../providers/detect";
import { BRANCH_PATHS, branchOf } from "../providers/describe";
import type { ProviderDetection } from "../providers/types";
import { createRateLimiter } from "../rate-limit/limiter";
import type { OtherBranch, TenantLookup } from "./form-state";
import { TENANT_LOOKUP_LIMIT } from "./limits";

const Mailbox = z.preprocess((v) => (typeof v === "string" ? v.trim().toLowerCase() : v), z.email().max(254));

/**
 * The tenant that owns the test mailbox's domain, found by the provider detection
 * (OpenID discovery, user realm, MX), so the form can offer it when the Tenant ID is
 * empty or different, and point a GoDaddy-managed, Google Workspace or other domain to
 * its branch of the guide. Quiet when unsure: the form shows nothing for `none`.
 */
export const lookupTenantForMailbox = {
  guard: brokerageGuard({ limiter: createRateLimiter(TENANT_LOOKUP_LIMIT), crossOrigin: "", limited: () => "" }),
  schema: Mailbox,
  echo: () => ({}),
  run: async (mailbox) => {
    const domain = mailbox.split("@")[1]!;
    try {
      const detection = await detectProvider(domain);
      const found = detection.sources.openId;
      if (found.status === "found") return { status: "found", domain, tenantId: found.tenantId.toLowerCase(), ...otherBranch(detection) };
      if (found.status === "not-found") return { status: "not-found", domain, ...otherBranch(detection) };
      if (found.status === "other-cloud") return { status: "other-cloud", domain };
      return { status: "none" };
    } catch (error) {
      logger().warn({ err: error, domain }, "tenant lookup failed");
      return { status: "none" };
    }
  },
} satisfies ActionDefinition<BrokerageContext, typeof Mailbox, TenantLookup>;

function otherBranch(detection: ProviderDetection): OtherBranch {
  const branch = branchOf(detection);
  return branch === "godaddy" || branch === "google-workspace" || branch === "other" ? { branch, branchPath: BRANCH_PATHS[branch] } : {};
}
