import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { inAuditedTransaction } from "@/lib/audit/change";
import { changeStaffRole, createStaffAccount, NewStaffSchema, setStaffDisabled } from "@/lib/auth/staff-accounts";
import { db } from "@/lib/db/client";
import { auditEvents, users } from "@/lib/db/schema";
import { createStaff } from "../support/staff";

const as = (id: string) => <T>(fn: Parameters<typeof inAuditedTransaction<T>>[2]) => inAuditedTransaction({ type: "staff", id }, { ip: "192.0.2.1", userAgent: "test" }, fn);

describe("staff accounts", () => {
  it("checks what an administrator types, with GOV.UK-style messages", () => {
    const result = NewStaffSchema.safeParse({ name: "", email: "nope", role: "boss", password: "short" });
    expect(result.success).toBe(false);
    if (!result.success) {
      expect(result.error.issues.map((i) => i.message)).toEqual([
        "Enter their full name",
        "Enter an email address in the correct format, like name@example.com",
        "Choose a role",
        "Password must be 12 characters or more",
      ]);
    }
  });

  it("creates an account once per email address, audited", async () => {
    const admin = await createStaff("admin");
    const input = { name: "Dana Doe", email: "dana@staff.example", role: "csm" as const, password: "a long enough password" };
    const { id } = await as(admin.id)((change) => createStaffAccount(change, input));
    await expect(as(admin.id)((change) => createStaffAccount(change, { ...input, name: "Other Dana" }))).rejects.toThrow("There is already a staff account for dana@staff.example");
    const [event] = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, id));
    expect(event).toMatchObject({ action: "staff.created", actorId: admin.id, ip: "192.0.2.1", detail: { email: "dana@staff.example", role: "csm" } });
  });

  it("changes roles, and never leaves the portal without an active administrator", async () => {
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.role, "admin"));
    const admin = await createStaff("admin");
    const csm = await createStaff("csm");
    await as(admin.id)((change) => changeStaffRole(change, csm.id, "onboarding"));
    expect((await db().select().from(users).where(eq(users.id, csm.id)))[0]?.role).toBe("onboarding");

    await expect(as(admin.id)((change) => changeStaffRole(change, admin.id, "csm"))).rejects.toThrow("You cannot change the role of the last active staff administrator");
    await expect(as(admin.id)((change) => setStaffDisabled(change, admin.id, true))).rejects.toThrow("You cannot disable your own account");
    const second = await createStaff("admin");
    await expect(as(second.id)((change) => setStaffDisabled(change, admin.id, true))).resolves.toEqual({ id: admin.id });
    await expect(as(second.id)((change) => changeStaffRole(change, second.id, "csm"))).rejects.toThrow("last active staff administrator");
    await as(second.id)((change) => setStaffDisabled(change, admin.id, false));
    expect((await db().select().from(users).where(eq(users.id, admin.id)))[0]?.disabledAt).toBeNull();
    const actions = (await db().select().from(auditEvents).where(eq(auditEvents.subjectId, admin.id))).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["staff.disabled", "staff.enabled"]));
  });
});
