import { and, eq, isNull } from "drizzle-orm";
import { db } from "../db/client";
import { brokerages, invites, users } from "../db/schema";
import { createInvite } from "../invites/create-invite";
import { seedHomeStates } from "./home-states";
import { seedDemoStaff } from "./staff";

export const DEMO_BROKERAGE = { name: "Harbor Realty (demo)", emailDomain: "harbor.example", recipient: "it@harbor.example" };
/** A Google Workspace brokerage (sim/google): its invite leads to the Google branch and form. */
export const DEMO_GOOGLE_BROKERAGE = { name: "Oakridge Homes (demo)", emailDomain: "oakridge.example", recipient: "it@oakridge.example" };

/**
 * Demo data through the app's own code. Idempotent: the brokerage is created once;
 * each start issues a fresh invite link (the old demo link is revoked), because a
 * token exists in clear only when it is created.
 */
export async function seedDemo() {
  const staff = await seedDemoStaff();
  const seeded = await seedBrokerage(DEMO_BROKERAGE);
  const google = await seedBrokerage(DEMO_GOOGLE_BROKERAGE);
  const csmEmail = staff.find((s) => s.role === "csm")!.email;
  const [csm] = await db().select({ id: users.id }).from(users).where(eq(users.email, csmEmail));
  const homes = csm ? await seedHomeStates(csm.id) : [];
  return { ...seeded, googleInviteUrl: google.inviteUrl, staff, homes };
}

async function seedBrokerage(demo: { name: string; emailDomain: string; recipient: string }) {
  return db().transaction(async (tx) => {
    let brokerage = await tx.query.brokerages.findFirst({ where: eq(brokerages.name, demo.name) });
    brokerage ??= (await tx.insert(brokerages).values({ name: demo.name, emailDomain: demo.emailDomain }).returning())[0]!;
    await tx
      .update(invites)
      .set({ revokedAt: new Date() })
      .where(and(eq(invites.brokerageId, brokerage.id), isNull(invites.revokedAt)));
    const invite = await createInvite(tx, { brokerageId: brokerage.id, recipientEmail: demo.recipient });
    return { brokerage, inviteUrl: invite.url };
  });
}
