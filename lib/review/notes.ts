import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "../audit/record";
import { db } from "../db/client";
import { brokerages, notes } from "../db/schema";
import { hasHiddenCharacters } from "../validation/text";
import { notFound, type ActionResult, type StaffActor } from "./result";

export const NoteSchema = z.object({
  body: z
    .string()
    .trim()
    .min(1, "Enter the note")
    .max(5000, "Note must be 5,000 characters or fewer")
    .refine((v) => !hasHiddenCharacters(v.replace(/[\r\n\t]/g, "")), "Note must not contain hidden characters"),
});

/** A staff note on a brokerage, shown newest first on every attempt of it. */
export async function addNote(brokerageId: string, input: { body: string }, actor: StaffActor): Promise<ActionResult<{ noteId: string }>> {
  const parsed = NoteSchema.safeParse(input);
  if (!parsed.success) {
    const message = parsed.error.issues[0]!.message;
    return { ok: false, code: "invalid", message, fieldErrors: { body: message } };
  }
  return db().transaction(async (tx) => {
    const [brokerage] = await tx.select({ id: brokerages.id }).from(brokerages).where(eq(brokerages.id, brokerageId));
    if (!brokerage) return notFound("brokerage");
    const [note] = await tx.insert(notes).values({ brokerageId, authorId: actor.staffId, body: parsed.data.body }).returning({ id: notes.id });
    await recordAudit(tx, {
      actor: { type: "staff", id: actor.staffId },
      action: "note.added",
      subject: { type: "note", id: note!.id },
      brokerageId,
      origin: actor.origin,
      detail: { length: parsed.data.body.length },
    });
    return { ok: true as const, noteId: note!.id };
  });
}
