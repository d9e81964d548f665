import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "../db/client";
import { brokerages, invites } from "../db/schema";
import { logger } from "../logger";
import { BRANCH_PATHS, branchOf } from "./describe";
import { detectProvider } from "./detect";
import { normaliseEmailDomain } from "./domain";
import type { ProviderDetection } from "./types";

/**
 * The provider of a brokerage's email: its email domain, or else the domain of the address
 * its newest invite went to. Computed on view (detection keeps a brief cache), never stored,
 * so it follows the domain as it changes. Undefined when there is no domain to look up.
 */
export async function brokerageEmailDomain(brokerageId: string): Promise<string | undefined> {
  const [row] = await db().select({ emailDomain: brokerages.emailDomain }).from(brokerages).where(eq(brokerages.id, brokerageId));
  const own = normaliseEmailDomain(row?.emailDomain ?? "");
  if (own) return own;
  const [invite] = await db()
    .select({ recipientEmail: invites.recipientEmail })
    .from(invites)
    .where(eq(invites.brokerageId, brokerageId))
    .orderBy(desc(invites.createdAt))
    .limit(1);
  return normaliseEmailDomain(invite?.recipientEmail ?? "");
}

export async function providerForDomain(domain: string | undefined): Promise<ProviderDetection | undefined> {
  if (!domain) return undefined;
  try {
    return await detectProvider(domain);
  } catch (error) {
    // Detection guides and never blocks: a page shows without it.
    logger().warn({ err: error, domain }, "provider detection failed");
    return undefined;
  }
}

export async function providerForBrokerage(brokerageId: string): Promise<ProviderDetection | undefined> {
  return providerForDomain(await brokerageEmailDomain(brokerageId));
}

/**
 * Where an opened invite link lands: the GoDaddy or Google Workspace branch when the
 * brokerage's domain clearly needs it (with the way on to the form), otherwise the form.
 * "Other" domains keep the form with a notice: a guess from DNS alone should not detour.
 */
export async function inviteLandingPath(brokerageId: string): Promise<string> {
  const detection = await providerForBrokerage(brokerageId);
  const branch = detection ? branchOf(detection) : "unknown";
  return branch === "godaddy" || branch === "google-workspace" ? `${BRANCH_PATHS[branch]}?from=invite` : "/submit";
}
