import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Change } from "../audit/change";
import { UserError } from "../errors";
import type { Executor } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { brokerages, users } from "../db/schema";
import type { BrokerageInput } from "./validation";

/** A CSM may be assigned only if the account exists, is active and has the csm role. */
export async function assertAssignableCsm(tx: Executor, csmId: string | null, field = "csmId") {
  if (!csmId) return;
  const [csm] = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.id, csmId), eq(users.role, "csm"), isNull(users.disabledAt)));
  if (!csm) throw new UserError("Choose a customer-success manager from the list", field);
}

function duplicateName(name: string) {
  return new UserError(`A brokerage called ${name} already exists`, "name");
}

export async function createBrokerage(change: Change, input: BrokerageInput) {
  await assertAssignableCsm(change.tx, input.csmId);
  const [brokerage] = await change.tx
    .insert(brokerages)
    .values({ name: input.name, emailDomain: input.emailDomain, csmId: input.csmId })
    .returning()
    .catch((error: unknown) => {
      throw isUniqueViolation(error, "brokerages_name_key") ? duplicateName(input.name) : error;
    });
  await change.audit({
    action: "brokerage.created",
    subject: { type: "brokerage", id: brokerage!.id },
    brokerageId: brokerage!.id,
    detail: { name: input.name, emailDomain: input.emailDomain, csmId: input.csmId },
  });
  return brokerage!;
}

export async function updateBrokerage(change: Change, brokerageId: string, input: BrokerageInput) {
  const [before] = await change.tx.select().from(brokerages).where(eq(brokerages.id, brokerageId)).for("update");
  if (!before) throw new UserError("This brokerage no longer exists");
  await assertAssignableCsm(change.tx, input.csmId);
  const changes: Record<string, { from: string | null; to: string | null }> = {};
  if (before.name !== input.name) changes.name = { from: before.name, to: input.name };
  if (before.emailDomain !== input.emailDomain) changes.emailDomain = { from: before.emailDomain, to: input.emailDomain };
  if (before.csmId !== input.csmId) changes.csmId = { from: before.csmId, to: input.csmId };
  if (Object.keys(changes).length === 0) throw new UserError("You have not changed anything: change a value, or go back to the brokerage");
  await change.tx
    .update(brokerages)
    .set({ name: input.name, emailDomain: input.emailDomain, csmId: input.csmId })
    .where(eq(brokerages.id, brokerageId))
    .catch((error: unknown) => {
      throw isUniqueViolation(error, "brokerages_name_key") ? duplicateName(input.name) : error;
    });
  await change.audit({ action: "brokerage.updated", subject: { type: "brokerage", id: brokerageId }, brokerageId, detail: { changes } });
  return { id: brokerageId };
}
