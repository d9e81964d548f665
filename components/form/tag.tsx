import type { ReactNode } from "react";

// Text and background pairs all meet WCAG AA contrast.
const tones = {
  grey: "bg-[#e5e6e7] text-[#383f43]",
  green: "bg-[#cce2d8] text-[#005a30]",
  red: "bg-[#f6d7d2] text-[#942514]",
  blue: "bg-[#d2e2f1] text-[#0c2d4a]",
  yellow: "bg-[#fff7bf] text-[#594d00]",
  orange: "bg-[#fcd6c3] text-[#6e3619]",
  purple: "bg-[#dbd5e9] text-[#3d2375]",
  turquoise: "bg-[#bfe3e0] text-[#10403c]",
};

export type TagTone = keyof typeof tones;

/** GOV.UK tag: a status in words and colour, never colour alone. */
export function Tag({ children, tone = "grey" }: { children: ReactNode; tone?: TagTone }) {
  return <strong className={`inline-block whitespace-nowrap px-2 py-0.5 text-sm font-bold ${tones[tone]}`}>{children}</strong>;
}
