"use server";

import { staffAction } from "@/lib/actions/action";
import { AREA_ROLES } from "@/lib/auth/roles";
import { remindNow } from "@/lib/expiry/reminders";
import { AttemptIdSchema } from "@/lib/review/action-schemas";

export const remindNowAction = staffAction({
  roles: AREA_ROLES.review,
  schema: AttemptIdSchema,
  run: async ({ attemptId }, ctx) => remindNow(attemptId, { staffId: ctx.staff.id, origin: ctx.origin }),
  revalidate: () => ["/staff/expiry"],
});
