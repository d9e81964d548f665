import { and, eq } from "drizzle-orm";
import type { Executor } from "../db/client";
import { brokerages, invites } from "../db/schema";
import { env } from "../env";
import { generateInviteToken, hashInviteToken } from "./tokens";

export const DEFAULT_INVITE_DAYS = 14;

export function inviteUrl(token: string): string {
  return `${env().APP_URL}/invite/${token}`;
}

/**
 * Creates an invite and returns its link, the only time the token exists in clear.
 * Moves a brokerage that had no invite yet to the "invited" stage.
 */
export async function createInvite(
  tx: Executor,
  input: { brokerageId: string; recipientEmail: string; recipientName?: string | null; days?: number; createdBy?: string | null },
) {
  const token = generateInviteToken();
  const expiresAt = new Date(Date.now() + (input.days ?? DEFAULT_INVITE_DAYS) * 86_400_000);
  const [invite] = await tx
    .insert(invites)
    .values({
      brokerageId: input.brokerageId,
      tokenHash: hashInviteToken(token),
      recipientEmail: input.recipientEmail,
      recipientName: input.recipientName ?? null,
      expiresAt,
      createdBy: input.createdBy ?? null,
    })
    .returning();
  await tx
    .update(brokerages)
    .set({ stage: "invited", stageChangedAt: new Date() })
    .where(and(eq(brokerages.id, input.brokerageId), eq(brokerages.stage, "new")));
  return { invite: invite!, token, url: inviteUrl(token) };
}
