import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { inAuditedTransaction } from "../audit/change";
import { brokerages, notes } from "../db/schema";
import { UserError } from "../errors";
import { hasHiddenCharactersBesideLineBreaks, hiddenCharactersMessage } from "../validation/text";
import { auditActorOf, type StaffActor } from "./actor";

export const NoteSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, "Enter the note")
    .max(5000, "Note must be 5,000 characters or fewer")
    .refine((v) => !hasHiddenCharactersBesideLineBreaks(v), hiddenCharactersMessage("Note")),
});

/** A staff note on a brokerage, shown newest first on every attempt of it. */
export async function addNote(brokerageId: string, input: { body: string }, actor: StaffActor): Promise<{ noteId: string }> {
  const parsed = NoteSchema.safeParse(input);
  if (!parsed.success) throw new UserError(parsed.error.issues[0]!.message, "body");
  return inAuditedTransaction(auditActorOf(actor), actor.origin ?? null, async ({ tx, audit }) => {
    const [brokerage] = await tx.select({ id: brokerages.id }).from(brokerages).where(eq(brokerages.id, brokerageId));
    if (!brokerage) throw new UserError("There is no such brokerage.");
    const [note] = await tx.insert(notes).values({ brokerageId, authorId: actor.staffId, body: parsed.data.body }).returning({ id: notes.id });
    await audit({
      action: "note.added",
      subject: { type: "note", id: note!.id },
      brokerageId,
      detail: { length: parsed.data.body.length },
    });
    return { noteId: note!.id };
  });
}
