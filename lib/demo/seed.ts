import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { sealSecret } from "../crypto/secret-box";
import { db } from "../db/client";
import { brokerages, invites, submissionAttempts, users } from "../db/schema";
import { readAgentList } from "../readiness/agent-list";
import { replaceAgents } from "../readiness/agents";
import { requestReadinessCheck } from "../readiness/run";
import { isoDate } from "../validation/text";
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

export const DEMO_READINESS_BROKERAGE = { name: "Harbor Agents (demo)", emailDomain: "harbor.example" };

/**
 * A brokerage whose credential is verified, with its agents' list stored and a readiness
 * check queued, so the readiness view has something to show. The credential and the
 * addresses come from the caller (the demo's simulator); idempotent like `seedDemo`.
 */
export async function seedDemoReadiness(credential: { tenantId: string; clientId: string; clientSecret: string; testMailbox: string }, agents: string[]) {
  let brokerage = await db().query.brokerages.findFirst({ where: eq(brokerages.name, DEMO_READINESS_BROKERAGE.name) });
  if (!brokerage) {
    brokerage = (await db().insert(brokerages).values({ ...DEMO_READINESS_BROKERAGE, stage: "verified" }).returning())[0]!;
    const attemptId = randomUUID();
    const sealed = sealSecret(credential.clientSecret, attemptId);
    await db()
      .insert(submissionAttempts)
      .values({
        id: attemptId,
        brokerageId: brokerage.id,
        number: 1,
        idempotencyKey: attemptId,
        tenantId: credential.tenantId,
        clientId: credential.clientId,
        testMailbox: credential.testMailbox,
        secretExpiresOn: isoDate(new Date(Date.now() + 365 * 86_400_000)),
        sendTestMessage: false,
        submitterName: "Harbor IT",
        submitterEmail: "it@harbor.example",
        secretCiphertext: sealed.ciphertext,
        secretKeyId: sealed.keyId,
        secretHint: credential.clientSecret.slice(0, 3),
        status: "verified",
      });
  }
  const actor = { type: "system" as const, id: "demo" };
  const list = readAgentList(agents.join("\n"));
  await inAuditedTransaction(actor, null, (change) => replaceAgents(change, brokerage.id, list));
  await requestReadinessCheck(brokerage.id, { scope: "all", trigger: "recheck", actor, triggeredBy: null });
  return { brokerageId: brokerage.id, path: `/staff/readiness/${brokerage.id}` };
}
