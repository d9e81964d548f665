"use server";

import { z } from "zod";
import { AREA_ROLES } from "@/lib/auth/roles";
import { changeStaffRole, createStaffAccount, NewStaffSchema, setStaffDisabled, StaffRoleSchema } from "@/lib/auth/staff-accounts";
import { staffAction } from "@/lib/actions/action";

const roles = AREA_ROLES.admin;
const staffId = z.string().min(1, "Choose a staff account").max(100);

export const createStaffAccountAction = staffAction({
  roles,
  schema: NewStaffSchema,
  secretFields: ["password"],
  run: (input, ctx) => ctx.change((change) => createStaffAccount(change, input)),
  redirectTo: () => "/staff/admin?notice=created",
});

export const changeStaffRoleAction = staffAction({
  roles,
  schema: z.object({ userId: staffId, role: StaffRoleSchema }),
  run: async ({ userId, role }, ctx) => {
    await ctx.change((change) => changeStaffRole(change, userId, role));
    return { userId, role };
  },
  revalidate: () => ["/staff/admin"],
});

export const setStaffDisabledAction = staffAction({
  roles,
  schema: z.object({ userId: staffId, disabled: z.enum(["yes", "no"]).transform((v) => v === "yes") }),
  run: async ({ userId, disabled }, ctx) => {
    await ctx.change((change) => setStaffDisabled(change, userId, disabled));
    return { userId, disabled };
  },
  revalidate: () => ["/staff/admin"],
});
