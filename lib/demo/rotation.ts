import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { db } from "../db/client";
import { brokerages, invites, users } from "../db/schema";
import { createInvite } from "../invites/create-invite";
import { approveAttempt } from "../review/approve";
import { openRotation } from "../rotation/open";
import { createAttempt } from "../submissions/create-attempt";
import { handleVerificationRun } from "../submissions/verification-job";
import { SubmissionSchema } from "../validation/submission";
import { addDays, isoDate } from "../validation/text";

export const ROTATION_DEMO_BROKERAGE = { name: "Bayview Homes (rotation demo)", emailDomain: "harbor.example", recipient: "it@bayview.example" };

/** The app's values the demo brokerage connected with (the simulator's, passed in by the demo script). */
export type RotationDemoApp = { tenantId: string; clientId: string; clientSecret: string; testMailbox: string };

/**
 * A brokerage whose approved client secret expires in 45 days, with its rotation open:
 * the printed link lands on the rotation page. Made once through the portal's own code
 * (submitted, verified against the simulator, approved); each start gives a fresh link.
 */
export async function seedRotationDemo(app: RotationDemoApp, csmEmail: string) {
  let brokerage = await db().query.brokerages.findFirst({ where: eq(brokerages.name, ROTATION_DEMO_BROKERAGE.name) });
  if (!brokerage) {
    const [csm] = await db().select({ id: users.id }).from(users).where(eq(users.email, csmEmail));
    brokerage = (
      await db().insert(brokerages).values({ name: ROTATION_DEMO_BROKERAGE.name, emailDomain: ROTATION_DEMO_BROKERAGE.emailDomain, csmId: csm?.id ?? null }).returning()
    )[0]!;
    const [year, month, day] = addDays(isoDate(new Date()), 45).split("-");
    const submission = SubmissionSchema.parse({
      tenantId: app.tenantId,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      expiry: { day, month, year },
      testMailbox: app.testMailbox,
      sendTestMessage: false,
      submitterName: "Rae Okafor",
      submitterEmail: ROTATION_DEMO_BROKERAGE.recipient,
      submitterPhone: "",
    });
    const made = await createAttempt({ brokerageId: brokerage.id, submission, idempotencyKey: randomUUID(), basedOn: 0, origin: { ip: "127.0.0.1", userAgent: "demo" } });
    await handleVerificationRun({ attemptId: made.attemptId, trigger: "submit", retry: 0 });
    const { approvalId } = await approveAttempt(made.attemptId, { staffId: csm?.id ?? "demo-seed" });
    await inAuditedTransaction({ type: "system", id: "demo-seed" }, null, (change) => openRotation(change, approvalId));
  }
  const id = brokerage.id;
  return db().transaction(async (tx) => {
    await tx.update(invites).set({ revokedAt: new Date() }).where(and(eq(invites.brokerageId, id), isNull(invites.revokedAt)));
    const invite = await createInvite(tx, { brokerageId: id, recipientEmail: ROTATION_DEMO_BROKERAGE.recipient });
    return { brokerage, inviteUrl: invite.url };
  });
}
