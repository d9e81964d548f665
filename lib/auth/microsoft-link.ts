import "server-only";
import { and, eq } from "drizzle-orm";
import type { Change } from "../audit/change";
import { accounts, users } from "../db/schema";
import { UserError } from "../errors";
import { normaliseGuid } from "../validation/guid";
import { microsoftAccountId } from "./sso";

/**
 * An administrator's decision that one Microsoft identity (tenant id + object id, from
 * Entra's user page) signs in as one staff account. Replaces an earlier link of that
 * account; refused when the identity already belongs to someone else.
 */
export async function linkMicrosoftIdentity(change: Change, email: string, identity: { tenantId: string; objectId: string }) {
  const tenantId = normaliseGuid(identity.tenantId);
  const objectId = normaliseGuid(identity.objectId);
  if (!tenantId) throw new UserError("Tenant ID must be a GUID, like 00000000-0000-0000-0000-000000000000");
  if (!objectId) throw new UserError("Object ID must be a GUID, like 00000000-0000-0000-0000-000000000000");
  const [user] = await change.tx.select({ id: users.id }).from(users).where(eq(users.email, email.trim().toLowerCase())).for("update");
  if (!user) throw new UserError(`There is no staff account for ${email}`);

  const accountId = microsoftAccountId(tenantId, objectId);
  const [owner] = await change.tx
    .select({ userId: accounts.userId })
    .from(accounts)
    .where(and(eq(accounts.providerId, "microsoft"), eq(accounts.accountId, accountId)));
  if (owner && owner.userId !== user.id) throw new UserError("That Microsoft identity is already linked to another staff account");
  if (!owner) {
    await change.tx.delete(accounts).where(and(eq(accounts.userId, user.id), eq(accounts.providerId, "microsoft")));
    await change.tx.insert(accounts).values({ userId: user.id, providerId: "microsoft", accountId });
  }
  await change.audit({ action: "staff.sign_in_linked", subject: { type: "staff", id: user.id }, detail: { provider: "microsoft", tenantId, objectId } });
  return { id: user.id };
}
