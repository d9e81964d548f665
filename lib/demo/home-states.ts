import { randomUUID } from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { sealSecret, secretHint } from "../crypto/secret-box";
import { db } from "../db/client";
import { brokerages, changeRequests, checkResults, invites, submissionAttempts, verificationRuns } from "../db/schema";
import { createInvite } from "../invites/create-invite";
import { approveAttempt } from "../review/approve";
import { remediationFor } from "../verification/remediation";
import { CHECK_IDS, type CheckId, type Reason } from "../verification/types";

/**
 * One demo brokerage per state of the administrator's home, each with a fresh invite
 * link: the attempts and their runs written the way the form and a finished
 * verification write them (the runs' rows, not a call to Microsoft), so every state
 * shows at once. Idempotent: a brokerage is set up once, its link renewed each start.
 */

const TENANT = "72218fdc-44df-46ff-a854-14242f733b05";
const CLIENT = "61b2480c-55d8-4e8d-8046-0d692ed65411";
// The demo simulator's secret for that app (sim/scenarios.ts): a fake value that opens nothing real.
const SECRET = "ujz0Q~jmUh-Bel31iEl2hpChYgCfrL1spNxnyVmi";
const DAY = 86_400_000;

type Failure = { check: CheckId; reason: Reason };
type StateSeed = { key: string; name: string; run: "verified" | "failed"; failures?: Failure[]; expiresInDays?: number; approve?: boolean; changes?: string };

const UNLICENSED: Failure[] = [
  { check: "calendar.read", reason: "mailbox-not-enabled" },
  { check: "contacts.read", reason: "mailbox-not-enabled" },
  { check: "mail.send", reason: "mailbox-not-enabled" },
];

const STATES: StateSeed[] = [
  { key: "needs-fixing", name: "Home: needs fixing (demo)", run: "failed", failures: UNLICENSED },
  { key: "verified", name: "Home: waiting for review (demo)", run: "verified" },
  { key: "approved", name: "Home: approved (demo)", run: "verified", approve: true },
  { key: "expiring", name: "Home: secret expiring (demo)", run: "verified", approve: true, expiresInDays: 20 },
  {
    key: "changes-requested",
    name: "Home: changes requested (demo)",
    run: "failed",
    failures: [{ check: "permissions", reason: "consent-missing" }],
    changes: "Your Global Administrator needs to grant consent: step 4 shows the two clicks.",
  },
];

/** `staffId`: the CSM who owns these brokerages and approves the approved ones. */
export async function seedHomeStates(staffId: string): Promise<{ key: string; name: string; brokerageId: string; inviteUrl: string }[]> {
  const links = [];
  for (const state of STATES) {
    const brokerage = await brokerageFor(state, staffId);
    const inviteUrl = await db().transaction(async (tx) => {
      await tx.update(invites).set({ revokedAt: new Date() }).where(and(eq(invites.brokerageId, brokerage), isNull(invites.revokedAt)));
      return (await createInvite(tx, { brokerageId: brokerage, recipientEmail: "it@harbor.example" })).url;
    });
    links.push({ key: state.key, name: state.name, brokerageId: brokerage, inviteUrl });
  }
  return links;
}

async function brokerageFor(state: StateSeed, staffId: string): Promise<string> {
  const existing = await db().query.brokerages.findFirst({ where: eq(brokerages.name, state.name) });
  if (existing) return existing.id;
  const [brokerage] = await db().insert(brokerages).values({ name: state.name, emailDomain: "harbor.example", csmId: staffId, stage: "submitted" }).returning();
  const attemptId = await attemptWithRun(brokerage!.id, state);
  if (state.approve) await approveAttempt(attemptId, { staffId });
  if (state.changes) {
    await db()
      .insert(changeRequests)
      .values({ attemptId, brokerageId: brokerage!.id, requestedBy: staffId, checkIds: (state.failures ?? []).map((f) => f.check), message: state.changes });
  }
  return brokerage!.id;
}

async function attemptWithRun(brokerageId: string, state: StateSeed): Promise<string> {
  const id = randomUUID();
  const sealed = sealSecret(SECRET, id);
  const expires = new Date(Date.now() + (state.expiresInDays ?? 300) * DAY).toISOString().slice(0, 10);
  return db().transaction(async (tx) => {
    await tx.insert(submissionAttempts).values({
      id,
      brokerageId,
      number: 1,
      idempotencyKey: randomUUID(),
      tenantId: TENANT,
      clientId: CLIENT,
      testMailbox: state.failures === UNLICENSED ? "new.hire@harbor.example" : "agent@harbor.example",
      secretExpiresOn: expires,
      submitterName: "Dana Whitfield",
      submitterEmail: "it@harbor.example",
      secretCiphertext: sealed.ciphertext,
      secretKeyId: sealed.keyId,
      secretHint: secretHint(SECRET),
      status: state.run,
    });
    const [run] = await tx
      .insert(verificationRuns)
      .values({ attemptId: id, trigger: "submit", outcome: state.run, finishedAt: new Date(), durationMs: 2100 })
      .returning();
    const failed = new Map((state.failures ?? []).map((f) => [f.check, f.reason]));
    const blocked = (check: CheckId) => failed.has("permissions") && ["calendar.read", "calendar.write", "contacts.read", "contacts.write", "mail.send"].includes(check);
    await tx.insert(checkResults).values(
      CHECK_IDS.filter((check) => check !== "scope.outside").map((checkId) => {
        const reason = failed.get(checkId);
        const dependent = !reason && (blocked(checkId) || (checkId.endsWith(".write") && failed.has(checkId.replace(".write", ".read") as CheckId)));
        const fix = reason ? remediationFor(reason) : null;
        return {
          runId: run!.id,
          checkId,
          status: reason ? ("fail" as const) : dependent ? ("skipped" as const) : ("pass" as const),
          reason: reason ?? null,
          title: fix?.title ?? "Passed",
          detail: fix?.detail ?? "",
          guideAnchor: fix?.guideAnchor ?? null,
          durationMs: 120,
        };
      }),
    );
    return id;
  });
}
