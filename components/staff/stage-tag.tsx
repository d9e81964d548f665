import { STAGE_LABELS, type PipelineStage } from "@/lib/onboarding/stages";

// Text and background pairs all meet WCAG AA contrast.
const colours: Record<PipelineStage, string> = {
  new: "bg-[#e5e6e7] text-[#383f43]",
  invited: "bg-[#d2e2f1] text-[#0c2d4a]",
  opened: "bg-[#dbd5e9] text-[#3d2375]",
  submitted: "bg-[#fff7bf] text-[#594d00]",
  verified: "bg-[#bfe3e0] text-[#10403c]",
  approved: "bg-[#cce2d8] text-[#005a30]",
  failed: "bg-[#f6d7d2] text-[#942514]",
  expired: "bg-[#fcd6c3] text-[#6e3619]",
};

export function StageTag({ stage }: { stage: PipelineStage }) {
  return <strong className={`inline-block px-2 py-0.5 text-sm font-bold uppercase tracking-wide ${colours[stage]}`}>{STAGE_LABELS[stage]}</strong>;
}

export type TagTone = "grey" | "green" | "red" | "blue" | "yellow" | "orange";

export function Tag({ children, tone = "grey" }: { children: React.ReactNode; tone?: TagTone }) {
  const tones = {
    grey: "bg-[#e5e6e7] text-[#383f43]",
    green: "bg-[#cce2d8] text-[#005a30]",
    red: "bg-[#f6d7d2] text-[#942514]",
    blue: "bg-[#d2e2f1] text-[#0c2d4a]",
    yellow: "bg-[#fff7bf] text-[#594d00]",
    orange: "bg-[#fcd6c3] text-[#6e3619]",
  };
  return <strong className={`inline-block px-2 py-0.5 text-sm font-bold uppercase tracking-wide ${tones[tone]}`}>{children}</strong>;
}
