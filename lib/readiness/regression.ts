import "server-only";
import { and, desc, eq, lt, ne, sql } from "drizzle-orm";
import { inAuditedTransaction } from "../audit/change";
import { db } from "../db/client";
import { dispatchEmails, queueEmail } from "../email/queue-email";
import { findStaffContact } from "../email/staff-contact";
import { env } from "../env";
import { brokerages, readinessRuns } from "../db/schema";

/**
 * A scheduled re-check that finds agents ready last time and not ready now tells the
 * brokerage's CSM, naming the mailboxes (at most 20) and the reasons.
 */

const LISTED = 20;

export async function alertReadinessRegression(runId: string): Promise<{ regressed: number; messageId?: string }> {
  const [run] = await db().select().from(readinessRuns).where(eq(readinessRuns.id, runId));
  if (!run) return { regressed: 0 };
  const [previous] = await db()
    .select({ id: readinessRuns.id })
    .from(readinessRuns)
    .where(and(eq(readinessRuns.brokerageId, run.brokerageId), eq(readinessRuns.status, "finished"), ne(readinessRuns.id, runId), lt(readinessRuns.createdAt, run.createdAt)))
    .orderBy(desc(readinessRuns.createdAt))
    .limit(1);
  if (!previous) return { regressed: 0 };
  const rows = (await db().execute(sql`
    select a.address, now_.reason, count(*) over () as total
    from readiness_results now_
    join readiness_results before on before.agent_id = now_.agent_id and before.run_id = ${previous.id}::uuid and before.status = 'ready'
    join brokerage_agents a on a.id = now_.agent_id
    where now_.run_id = ${runId}::uuid and now_.status = 'not-ready'
    order by a.address
    limit ${LISTED}`)) as unknown as Array<{ address: string; reason: string | null; total: string | number }>;
  if (!rows.length) return { regressed: 0 };
  const regressed = Number(rows[0]!.total);
  const [brokerage] = await db().select().from(brokerages).where(eq(brokerages.id, run.brokerageId));
  const url = `${env().APP_URL}/staff/readiness/${run.brokerageId}?status=not-ready`;
  const messageId = await inAuditedTransaction({ type: "system", id: "readiness" }, null, async ({ tx, audit }) => {
    const { id } = await queueEmail(tx, {
      kind: "readiness-regressed",
      to: (await findStaffContact(tx, brokerage!.csmId))?.email ?? null,
      subject: `${brokerage!.name}: ${regressed} agent ${regressed === 1 ? "mailbox is" : "mailboxes are"} no longer ready`,
      text: [
        `The scheduled check found ${regressed} agent ${regressed === 1 ? "mailbox" : "mailboxes"} of ${brokerage!.name} ready last time and not ready now:`,
        "",
        ...rows.map((r) => `- ${r.address}${r.reason ? ` (${r.reason})` : ""}`),
        ...(regressed > rows.length ? [`- and ${regressed - rows.length} more`] : []),
        "",
        `Details: ${url}`,
      ].join("\n"),
      brokerageId: run.brokerageId,
    });
    await audit({ action: "readiness.regressed", subject: { type: "brokerage", id: run.brokerageId }, brokerageId: run.brokerageId, detail: { runId, regressed } });
    return id;
  });
  await dispatchEmails([messageId]);
  return { regressed, messageId };
}
