import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { brokerages, invites } from "@/lib/db/schema";
import { createInvite } from "@/lib/invites/create-invite";

/** A brokerage with an open invite, made through the app's own code. */
export async function brokerageWithInvite(name: string, options: { days?: number } = {}) {
  return db().transaction(async (tx) => {
    const [brokerage] = await tx.insert(brokerages).values({ name, emailDomain: "harbor.example" }).returning();
    const invite = await createInvite(tx, { brokerageId: brokerage!.id, recipientEmail: "it@harbor.example", days: options.days });
    return { brokerage: brokerage!, token: invite.token, inviteId: invite.invite.id };
  });
}

export async function stageOf(brokerageId: string) {
  const row = await db().query.brokerages.findFirst({ where: eq(brokerages.id, brokerageId) });
  return row?.stage;
}

export async function inviteOf(inviteId: string) {
  return db().query.invites.findFirst({ where: eq(invites.id, inviteId) });
}
