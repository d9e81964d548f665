import { desc, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { invites } from "../db/schema";

export type InviteRecipient = { email: string; name: string | null };

/**
 * Who later links for a brokerage (changes requested, expiry reminders) go to: the
 * recipient of its newest invite, whom staff chose. Never the address typed on the form,
 * which anyone holding a session could set to their own.
 */
export async function invitedRecipient(tx: Executor, brokerageId: string): Promise<InviteRecipient | null> {
  const [row] = await tx
    .select({ email: invites.recipientEmail, name: invites.recipientName })
    .from(invites)
    .where(eq(invites.brokerageId, brokerageId))
    .orderBy(desc(invites.createdAt), desc(invites.id))
    .limit(1);
  return row ?? null;
}
