import "server-only";
import { asc, desc, eq, isNull, lt, or } from "drizzle-orm";
import { db } from "../db/client";
import { brokerages, invites } from "../db/schema";
import { logger } from "../logger";
import { BRANCH_PATHS, branchOf, type ProviderBranch } from "./describe";
import { detectProvider } from "./detect";
import { normaliseEmailDomain } from "./domain";
import type { ProviderDetection } from "./types";

/**
 * The provider of a brokerage's email: its email domain, or else the domain of the address
 * its newest invite went to. Detected on view (detection keeps a brief cache), so it follows
 * the domain as it changes; a view writes nothing. Undefined when there is no domain to look up.
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
 * Detects and keeps the branch on the brokerage for the pipeline's filter: after a brokerage
 * is added or its domain changed, and by the hourly sweep (never on a page view: a GET
 * changes nothing).
 */
export async function refreshBrokerageProvider(brokerageId: string): Promise<void> {
  const detection = await providerForBrokerage(brokerageId);
  await rememberBranch(brokerageId, detection ? branchOf(detection) : "unknown");
}

/** Keeps the detected branch on the brokerage, for staff to filter on; a failed write changes nothing shown. */
async function rememberBranch(brokerageId: string, branch: ProviderBranch) {
  await db()
    .update(brokerages)
    .set({ emailProvider: branch, emailProviderCheckedAt: new Date() })
    .where(eq(brokerages.id, brokerageId))
    .catch((error: unknown) => logger().warn({ err: error, brokerageId }, "could not store the detected email provider"));
}

export const PROVIDER_REFRESH_JOB = "providers.refresh";
const STALE_AFTER_MS = 7 * 24 * 3600_000;
const REFRESH_BATCH = 100;
const REFRESH_CONCURRENCY = 4;

/**
 * The hourly sweep: brokerages never detected (a CSV import, say) or detected more than
 * a week ago, oldest first, a bounded batch per run.
 */
export async function refreshBrokerageProviders(now = new Date()): Promise<number> {
  const due = await db()
    .select({ id: brokerages.id })
    .from(brokerages)
    .where(or(isNull(brokerages.emailProviderCheckedAt), lt(brokerages.emailProviderCheckedAt, new Date(now.getTime() - STALE_AFTER_MS))))
    .orderBy(asc(brokerages.emailProviderCheckedAt), asc(brokerages.createdAt))
    .limit(REFRESH_BATCH);
  const queue = [...due];
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await refreshBrokerageProvider(next.id);
  };
  await Promise.all(Array.from({ length: REFRESH_CONCURRENCY }, worker));
  return due.length;
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
