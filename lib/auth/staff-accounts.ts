import "server-only";
import { hashPassword } from "better-auth/crypto";
import { and, asc, count, eq, isNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../db/client";
import { isUniqueViolation } from "../db/errors";
import { accounts, sessions, users } from "../db/schema";
import { emailAddress, personName } from "../validation/people";
import type { Change } from "../audit/change";
import { STAFF_ROLES, type StaffRole } from "./roles";
import { UserError } from "../errors";

/**
 * Staff accounts, managed by a staff administrator (or the CLI for the first one).
 * Passwords are hashed with better-auth's own scrypt hasher, so better-auth verifies
 * them at sign-in; the account rows are written here so they share the transaction
 * with their audit event.
 */

export const PASSWORD_MIN = 12;

export const staffPassword = z
  .string({ message: "Enter a password" })
  .min(1, "Enter a password")
  .min(PASSWORD_MIN, `Password must be ${PASSWORD_MIN} characters or more`)
  .max(128, "Password must be 128 characters or fewer");

export const StaffRoleSchema = z.enum(STAFF_ROLES, { message: "Choose a role" });

export const NewStaffSchema = z.object({
  name: personName("their full name"),
  email: emailAddress("their email address"),
  role: StaffRoleSchema,
  password: staffPassword,
});
export type NewStaff = z.infer<typeof NewStaffSchema>;

export type StaffAccountRow = {
  id: string;
  name: string;
  email: string;
  role: StaffRole;
  disabledAt: Date | null;
  createdAt: Date;
  lastSignInAt: Date | null;
};

export async function listStaffAccounts(tx: Executor): Promise<StaffAccountRow[]> {
  return tx
    .select({
      id: users.id,
      name: users.name,
      email: users.email,
      role: users.role,
      disabledAt: users.disabledAt,
      createdAt: users.createdAt,
      // Qualified by hand: drizzle leaves column names unqualified in a one-table select, and "id" would mean sessions.id here.
      lastSignInAt: sql<Date | null>`(select max(s.created_at) from sessions s where s.user_id = "users"."id")`.mapWith(
        (v: string | Date | null) => (v ? new Date(v) : null),
      ),
    })
    .from(users)
    .orderBy(asc(sql`${users.disabledAt} is not null`), asc(sql`lower(${users.name})`));
}

export async function createStaffAccount(change: Change, input: NewStaff) {
  const passwordHash = await hashPassword(input.password);
  const [user] = await change.tx
    .insert(users)
    .values({ name: input.name, email: input.email, role: input.role, emailVerified: true })
    .returning({ id: users.id })
    .catch((error: unknown) => {
      throw isUniqueViolation(error, "users_email_key") ? new UserError(`There is already a staff account for ${input.email}`, "email") : error;
    });
  await change.tx.insert(accounts).values({ userId: user!.id, accountId: user!.id, providerId: "credential", password: passwordHash });
  await change.audit({ action: "staff.created", subject: { type: "staff", id: user!.id }, detail: { email: input.email, role: input.role } });
  return { id: user!.id };
}

async function lockStaff(tx: Executor, userId: string) {
  const [user] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
  if (!user) throw new UserError("This staff account no longer exists");
  return user;
}

/** Someone must always be able to manage accounts. */
async function assertAnotherActiveAdmin(tx: Executor, userId: string, what: string) {
  // Lock every active admin row, so two administrators demoting each other at once cannot both succeed.
  const others = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, "admin"), isNull(users.disabledAt), ne(users.id, userId)))
    .for("update");
  if (others.length === 0) throw new UserError(`You cannot ${what} the last active staff administrator`);
}

export async function changeStaffRole(change: Change, userId: string, role: StaffRole) {
  const user = await lockStaff(change.tx, userId);
  if (user.role === role) throw new UserError(`${user.name} already has that role`, "role");
  if (user.role === "admin") await assertAnotherActiveAdmin(change.tx, userId, "change the role of");
  await change.tx.update(users).set({ role, updatedAt: new Date() }).where(eq(users.id, userId));
  await change.audit({ action: "staff.role_changed", subject: { type: "staff", id: userId }, detail: { from: user.role, to: role } });
  return { id: userId };
}

/** Disabling ends every session of the account at once. */
export async function setStaffDisabled(change: Change, userId: string, disabled: boolean) {
  const user = await lockStaff(change.tx, userId);
  if (disabled && change.actor.id === userId) throw new UserError("You cannot disable your own account");
  if (disabled === Boolean(user.disabledAt)) throw new UserError(disabled ? `${user.name}'s account is already disabled` : `${user.name}'s account is already active`);
  if (disabled && user.role === "admin") await assertAnotherActiveAdmin(change.tx, userId, "disable");
  await change.tx.update(users).set({ disabledAt: disabled ? new Date() : null, updatedAt: new Date() }).where(eq(users.id, userId));
  if (disabled) await change.tx.delete(sessions).where(eq(sessions.userId, userId));
  await change.audit({ action: disabled ? "staff.disabled" : "staff.enabled", subject: { type: "staff", id: userId } });
  return { id: userId };
}

/** Sets a new password (CLI); ends the account's sessions so the old password's sessions cannot linger. */
export async function setStaffPassword(change: Change, email: string, password: string) {
  const [user] = await change.tx.select({ id: users.id }).from(users).where(eq(users.email, email)).for("update");
  if (!user) throw new UserError(`There is no staff account for ${email}`);
  const passwordHash = await hashPassword(password);
  const updated = await change.tx
    .update(accounts)
    .set({ password: passwordHash, updatedAt: new Date() })
    .where(and(eq(accounts.userId, user.id), eq(accounts.providerId, "credential")))
    .returning({ id: accounts.id });
  if (updated.length === 0) await change.tx.insert(accounts).values({ userId: user.id, accountId: user.id, providerId: "credential", password: passwordHash });
  await change.tx.delete(sessions).where(eq(sessions.userId, user.id));
  await change.audit({ action: "staff.password_set", subject: { type: "staff", id: user.id } });
  return { id: user.id };
}

export async function countActiveAdmins(tx: Executor) {
  const [row] = await tx.select({ n: count() }).from(users).where(and(eq(users.role, "admin"), isNull(users.disabledAt)));
  return row?.n ?? 0;
}
