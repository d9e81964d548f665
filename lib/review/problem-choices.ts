import { catalogWords } from "../runs/remediation";
import { diagnose, type DiagnosedCheck } from "../verification/diagnosis";

/**
 * The problems a CSM can send, grouped as the administrator's diagnosis groups them:
 * one choice per root cause, failures first, then warnings and unanswered checks.
 */
export function problemChoices(checks: readonly DiagnosedCheck[], labelOf: (checkId: string) => string) {
  const { fixes, warnings, unanswered } = diagnose(checks, catalogWords);
  return [...fixes, ...warnings, ...unanswered].map((f) => ({
    key: f.key,
    checkIds: f.checks.map((c) => c.id),
    title: f.title,
    guideLabel: f.guideLabel,
    labels: f.checks.map((c) => labelOf(c.id)),
  }));
}
