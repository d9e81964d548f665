import type { ICruiseResult, IMiniDependency } from "dependency-cruiser";

/**
 * The architecture check's report: one line per violation with the rule's name, what
 * imports what (the whole circle for a cycle, the whole path for a reach) and the
 * rule's reason.

 */

const names = (steps: IMiniDependency[]) => steps.map((step) => step.name);

export function oneLineReport(result: ICruiseResult): { lines: string[]; errors: number } {
  const reasons = new Map((result.summary.ruleSetUsed?.forbidden ?? []).map((rule) => [rule.name, rule.comment ?? ""]));
  const raised = result.summary.violations.filter((v) => v.rule.severity === "error" || v.rule.severity === "warn");
  const lines = raised.map((v) => {
    const steps = v.cycle?.length ? v.cycle : v.via?.length ? v.via : [{ name: v.to, dependencyTypes: [] }];
    return `${v.rule.severity} ${v.rule.name}: ${[v.from, ...names(steps)].join(" → ")} — ${reasons.get(v.rule.name)}`;
  });
  const errors = raised.filter((v) => v.rule.severity === "error").length;
  lines.push(`${errors ? "✘" : "✔"} architecture: ${errors} error(s), ${result.summary.totalCruised} modules cruised`);
  return { lines, errors };
}
