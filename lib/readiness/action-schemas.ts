import { z } from "zod";
import { isGuid } from "../validation/guid";
import { AGENTS_MAX, AGENTS_MAX_BYTES } from "./agent-list";

/** What the readiness page's forms post; the brokerage id is checked again on the server. */

const brokerageId = z.string().refine(isGuid, "This link is out of date: open the page again");

export const AgentListFormSchema = z
  .object({
    brokerageId,
    file: z
      .instanceof(File)
      .optional()
      .transform((f) => (f && f.size > 0 ? f : undefined))
      .refine((f) => !f || f.size <= AGENTS_MAX_BYTES, `The selected file must be smaller than ${AGENTS_MAX_BYTES / 1024 / 1024} MB`)
      .refine((f) => !f || /\.(csv|txt)$/i.test(f.name) || f.type === "text/csv" || f.type === "text/plain", "The selected file must be a CSV file"),
    agents: z.string().max(AGENTS_MAX_BYTES, `Paste at most ${AGENTS_MAX.toLocaleString("en-US")} addresses`).optional().default(""),
  })
  .superRefine((input, ctx) => {
    if (!input.file && !input.agents.trim()) ctx.addIssue({ code: "custom", path: ["file"], message: "Select a CSV file or paste the agents' addresses" });
    if (input.file && input.agents.trim()) ctx.addIssue({ code: "custom", path: ["agents"], message: "Give either a file or pasted addresses, not both" });
  });

export const RecheckFormSchema = z.object({ brokerageId, scope: z.enum(["all", "failing"], { message: "Choose which mailboxes to check" }) });
