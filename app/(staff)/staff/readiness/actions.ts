"use server";

import { staffAction, UserError } from "@/lib/actions/action";
import { AREA_ROLES } from "@/lib/auth/roles";
import { AgentListFormSchema, RecheckFormSchema } from "@/lib/readiness/action-schemas";
import { readAgentList } from "@/lib/readiness/agent-list";
import { submitAgentList } from "@/lib/readiness/agents";
import { readinessCredentialOf, requestReadinessCheck } from "@/lib/readiness/run";
import { readinessBrokerage } from "@/lib/readiness/view";

const roles = AREA_ROLES.readiness;
const page = (id: string) => `/staff/readiness/${id}`;

async function existing(brokerageId: string) {
  if (!(await readinessBrokerage(brokerageId))) throw new UserError("This brokerage no longer exists: open the page again");
  return brokerageId;
}

export const replaceAgentsAction = staffAction({
  roles,
  schema: AgentListFormSchema,
  run: async ({ brokerageId, file, agents }, ctx) => {
    const text = file ? await file.text() : agents;
    if (text.includes("\u0000")) throw new UserError("The selected file must be a CSV file", "file");
    const outcome = await submitAgentList(await existing(brokerageId), readAgentList(text), {
      change: ctx.change,
      actor: { type: "staff", id: ctx.staff.id },
      triggeredBy: ctx.staff.id,
      origin: ctx.origin,
    });
    return { brokerageId, ...outcome };
  },
  revalidate: (result) => [page(result.brokerageId)],
});

export const recheckAgentsAction = staffAction({
  roles,
  schema: RecheckFormSchema,
  run: async ({ brokerageId, scope }, ctx) => {
    await existing(brokerageId);
    if (!(await readinessCredentialOf(brokerageId))) throw new UserError("The brokerage has no verified credential yet: its agents can be checked once its Microsoft 365 details pass.");
    const runId = await requestReadinessCheck(brokerageId, { scope, trigger: "recheck", actor: { type: "staff", id: ctx.staff.id }, triggeredBy: ctx.staff.id, origin: ctx.origin });
    return { brokerageId, runId };
  },
  revalidate: (result) => [page(result.brokerageId)],
});
