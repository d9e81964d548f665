import { Tag, type TagTone } from "@/components/form/tag";
import { STAGE_LABELS, type PipelineStage } from "@/lib/onboarding/stages";

const tones: Record<PipelineStage, TagTone> = {
  new: "grey",
  invited: "blue",
  opened: "purple",
  submitted: "yellow",
  verified: "turquoise",
  approved: "green",
  failed: "red",
  expired: "orange",
  revoked: "grey",
};

export function StageTag({ stage }: { stage: PipelineStage }) {
  return <Tag tone={tones[stage]}>{STAGE_LABELS[stage]}</Tag>;
}
