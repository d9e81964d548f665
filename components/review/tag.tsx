import type { TagTone } from "@/components/form/tag";

/** Which colour each outcome and status gets on the review pages (always with its words). */
export const OUTCOME_TONES: Record<string, TagTone> = { verified: "green", failed: "red", inconclusive: "orange", running: "blue" };
export const STATUS_TONES: Record<string, TagTone> = {
  verifying: "blue",
  verified: "green",
  failed: "red",
  inconclusive: "orange",
  approved: "green",
  superseded: "grey",
};
