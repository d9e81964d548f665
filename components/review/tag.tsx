const tones = {
  green: "bg-[#cce2d8] text-[#005a30]",
  red: "bg-[#f4cdc6] text-[#7a1a0d]",
  yellow: "bg-[#fff7bf] text-[#594d00]",
  blue: "bg-brand-100 text-brand-800",
  grey: "bg-gray-200 text-gray-800",
  orange: "bg-[#fcd6c3] text-[#6e3619]",
};
export type TagTone = keyof typeof tones;

/** GOV.UK tag: a status in words and colour, never colour alone. */
export function Tag({ tone, children }: { tone: TagTone; children: React.ReactNode }) {
  return <strong className={`inline-block whitespace-nowrap px-2 py-0.5 text-sm font-bold ${tones[tone]}`}>{children}</strong>;
}

export const OUTCOME_TONES: Record<string, TagTone> = { verified: "green", failed: "red", inconclusive: "orange", running: "blue" };
export const STATUS_TONES: Record<string, TagTone> = {
  verifying: "blue",
  verified: "green",
  failed: "red",
  inconclusive: "orange",
  approved: "green",
  superseded: "grey",
};
