import { randomUUID } from "node:crypto";
import { approveFixture, createAttemptWithRun } from "./review-fixtures";
import { createBrokerageWithInvite, lib, type TestStaff } from "./staff-fixtures";

/**
 * The staff pages with something on each: a brokerage with a live link, a verified
 * submission whose permissions pass with a warning, and an approved credential whose
 * secret expires within the month (so the queue, detail, expiry and audit pages all show rows).
 */
export async function seedStaffScreens(csm: TestStaff, admin: TestStaff) {
  const { db, brokerages, checkResults, drizzle } = await lib();
  const withLink = await createBrokerageWithInvite(`Screens Realty ${Date.now().toString(36)}`);

  const warned = await createBrokerageWithInvite(`Warned Homes ${Date.now().toString(36)}`);
  await db().update(brokerages).set({ csmId: csm.id }).where(drizzle.eq(brokerages.id, warned.brokerage.id));
  const { attempt, run } = await createAttemptWithRun({ brokerageId: warned.brokerage.id, status: "verified" });
  await db()
    .update(checkResults)
    .set({ status: "warn", reason: "permission-excess", detail: "Also granted: Mail.ReadWrite, Directory.Read.All." })
    .where(drizzle.eq(checkResults.runId, run.id));

  const expiring = await createBrokerageWithInvite(`Expiring Estates ${Date.now().toString(36)}`);
  const soon = new Date(Date.now() + 12 * 86_400_000).toISOString().slice(0, 10);
  const approved = await createAttemptWithRun({ brokerageId: expiring.brokerage.id, status: "verified", secretExpiresOn: soon });
  await approveFixture(approved.attempt.id, admin.id);
  return { withLink, warned: { ...warned, attemptId: attempt.id }, expiring: { ...expiring, attemptId: approved.attempt.id }, unique: randomUUID() };
}
