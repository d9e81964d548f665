"use server";

import { AREA_ROLES } from "@/lib/auth/roles";
import { staffAction, UserError, type StaffContext } from "@/lib/actions/action";
import { ApproveFormSchema, AttemptIdSchema, NoteFormSchema, RequestChangesFormSchema, RevokeFormSchema } from "@/lib/review/action-schemas";
import { approveAttempt } from "@/lib/review/approve";
import { brokerageOfAttempt } from "@/lib/review/detail";
import { addNote } from "@/lib/review/notes";
import { requestChanges } from "@/lib/review/request-changes";
import { requestRerun } from "@/lib/review/rerun";
import { revokeCredentials } from "@/lib/review/revoke";

// Each review action checks the role itself (staffAction), and each lib function
// re-reads and locks what it changes, audits it, and refuses with words for the CSM.
const roles = AREA_ROLES.review;
const actor = (ctx: StaffContext) => ({ staffId: ctx.staff.id, origin: ctx.origin });
const detail = (attemptId: string, notice: string) => `/staff/submissions/${attemptId}?notice=${notice}`;

async function brokerageOf(attemptId: string): Promise<string> {
  const brokerageId = await brokerageOfAttempt(attemptId);
  if (!brokerageId) throw new UserError("There is no such submission.");
  return brokerageId;
}

export const approveAction = staffAction({
  roles,
  schema: ApproveFormSchema,
  run: async ({ attemptId, mismatchReason }, ctx) => ({ attemptId, ...(await approveAttempt(attemptId, actor(ctx), new Date(), { mismatchReason })) }),
  redirectTo: (r) => detail(r.attemptId, "approved"),
});

export const rerunAction = staffAction({
  roles,
  schema: AttemptIdSchema,
  run: async ({ attemptId }, ctx) => {
    await requestRerun(attemptId, actor(ctx));
    return { attemptId, at: Date.now() };
  },
  redirectTo: (r) => `${detail(r.attemptId, "rerun")}&since=${r.at}`,
});

export const requestChangesAction = staffAction({
  roles,
  schema: RequestChangesFormSchema,
  run: async ({ attemptId, checkIds, message }, ctx) => ({ attemptId, ...(await requestChanges(attemptId, { checkIds, message }, actor(ctx))) }),
  redirectTo: (r) => detail(r.attemptId, "changes-requested"),
});

export const addNoteAction = staffAction({
  roles,
  schema: NoteFormSchema,
  run: async ({ attemptId, body }, ctx) => ({ attemptId, ...(await addNote(await brokerageOf(attemptId), { body }, actor(ctx))) }),
  redirectTo: (r) => `${detail(r.attemptId, "note-added")}#notes`,
});

export const revokeAction = staffAction({
  roles,
  schema: RevokeFormSchema,
  run: async ({ attemptId, reason }, ctx) => {
    await revokeCredentials(await brokerageOf(attemptId), { reason }, actor(ctx));
    return { attemptId };
  },
  redirectTo: (r) => detail(r.attemptId, "revoked"),
});
