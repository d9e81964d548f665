import { z } from "zod";
import { isGuid } from "../validation/guid";

/** What the review forms post, validated again on the server (ids are never trusted). */

export const uuidField = z.string().refine(isGuid, "This link is out of date: open the page again");

export const AttemptIdSchema = z.object({ attemptId: uuidField });
/** Approve: the reason is asked for only when the submission's domains do not match the brokerage's. */
export const ApproveFormSchema = z.object({ attemptId: uuidField, mismatchReason: z.string().trim().max(2000, "Reason must be 2,000 characters or fewer").default("") });

/** Problems are checkboxes named `fix-<check id>`, so each arrives as its own field. */
export const RequestChangesFormSchema = z
  .object({ attemptId: uuidField, message: z.string().default("") })
  .catchall(z.unknown())
  .transform((input) => ({
    attemptId: input.attemptId,
    message: input.message,
    checkIds: Object.keys(input)
      .filter((key) => key.startsWith("fix-"))
      // One box stands for every check that failed for the same reason: "fix-calendar.read+mail.send".
      .flatMap((key) => key.slice(4).split("+")),
  }));

// The brokerage is always derived from the attempt on the server, never taken from the form.
export const NoteFormSchema = z.object({ attemptId: uuidField, body: z.string() });
export const RevokeFormSchema = z.object({ attemptId: uuidField, reason: z.string() });
