import "server-only";
import { z } from "zod";
import { brokerageGuard } from "../actions/guards";
import { createRateLimiter } from "../rate-limit/limiter";
import { SUBMIT_LIMIT, waitMessage } from "./limits";

/**
 * What every credential form's submit shares, whichever the method: the envelope that
 * makes one attempt per rendered form, and one guard and limit for the brokerage.
 */
export const EnvelopeSchema = z.object({
  idempotencyKey: z.uuid(),
  basedOn: z.coerce.number().int().min(0).max(1_000_000),
  /** Present only on the form reached by choosing to replace credentials that work. */
  replaceWorking: z.literal("yes").nullish(),
});

export const envelopeOf = (form: FormData) => ({
  idempotencyKey: form.get("idempotencyKey"),
  basedOn: form.get("basedOn"),
  replaceWorking: form.get("replaceWorking"),
});

export const submitGuard = brokerageGuard({
  limiter: createRateLimiter(SUBMIT_LIMIT),
  crossOrigin: "This form can only be sent from its own page. Nothing was sent.",
  limited: (retryAfterSeconds) => `This form has been sent too many times in the last hour. ${waitMessage(retryAfterSeconds)}`,
});

/** A form rendered before the portal last changed it, or tampered with: nothing is sent. */
export const envelopePrecondition = (raw: unknown) =>
  EnvelopeSchema.safeParse(envelopeOf(raw as FormData)).success ? null : "This page is out of date, so nothing was sent. Reload it and try again.";
