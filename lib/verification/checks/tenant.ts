import { isGuid } from "../../validation/guid";
import { isMailboxAddress, mailboxDomain } from "../../validation/mailbox";
import type { RunContext } from "../context";
import { passed, problem, skipped, type CheckOutcome } from "../results";

/** `tenant`: the tenant exists, in this cloud, and the test mailbox's domain is one of its domains. */
export async function checkTenant(ctx: RunContext): Promise<CheckOutcome> {
  const { tenantId, testMailbox } = ctx.input;
  if (!isGuid(tenantId)) return skipped("Not checked, because the tenant ID is not in the right format.", { blockedBy: "input" });
  const tenant = await ctx.tenantLookup();
  if (tenant.status === "not-found") return problem("fail", "tenant-not-found", { microsoft: tenant.microsoft });
  if (tenant.status === "other-cloud") {
    return problem("fail", "tenant-other-cloud", { facts: tenant.cloud ? `Microsoft reports this tenant is in ${tenant.cloud}.` : undefined, data: { cloud: tenant.cloud } });
  }
  if (tenant.status === "unavailable") return problem("error", "microsoft-unavailable");
  if (!isMailboxAddress(testMailbox)) return passed("Tenant found", `Microsoft knows tenant ${tenantId}.`);

  const domain = mailboxDomain(testMailbox);
  const owner = await ctx.domainLookup();
  if (owner.status === "unavailable") return problem("error", "microsoft-unavailable");
  if (owner.status === "found" && owner.tenantId === tenant.tenantId) {
    return passed("Tenant found", `Microsoft knows tenant ${tenantId}, and ${domain} is one of its domains.`);
  }
  const facts =
    owner.status === "found"
      ? `${domain} belongs to a different tenant (${owner.tenantId}).`
      : owner.status === "other-cloud"
        ? `${domain} belongs to an organisation in another Microsoft cloud.`
        : `${domain} is not a domain of any Microsoft 365 organisation.`;
  return problem("fail", "mailbox-domain-other-tenant", { facts, data: { domain, ...(owner.status === "found" ? { domainTenantId: owner.tenantId } : {}) } });
}
