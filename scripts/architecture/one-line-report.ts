import type { ICruiseResult, IMiniDependency, IViolation } from "dependency-cruiser";

/**
 * The architecture check's report: one line per violation with the rule's name, what
 * imports what (the whole circle for a cycle, the whole path for a reach) and the
 * rule's reason.
 *
 * `--ignore-known` softens known file-level violations only; dependency-cruiser leaves
 * folder-level ones (the lib/ folder cycles) as errors, so the same baseline is matched
 * here too, the way dependency-cruiser matches it.
 */

const names = (steps: IMiniDependency[]) => steps.map((step) => step.name);

/** dependency-cruiser's own test: same rule, and the same circle, path or pair. */
function isSameViolation(known: IViolation, found: IViolation): boolean {
  if (known.rule.name !== found.rule.name) return false;
  if (known.cycle && found.cycle) {
    return known.cycle.length === found.cycle.length && names(known.cycle).every((name) => names(found.cycle!).includes(name));
  }
  if (known.via && found.via) {
    return (
      known.from === found.from &&
      known.to === found.to &&
      known.via.length === found.via.length &&
      names(known.via).every((name) => names(found.via!).includes(name))
    );
  }
  return known.from === found.from && known.to === found.to;
}

export function oneLineReport(result: ICruiseResult, known: IViolation[] = []): { lines: string[]; errors: number } {
  const reasons = new Map((result.summary.ruleSetUsed?.forbidden ?? []).map((rule) => [rule.name, rule.comment ?? ""]));
  const raised = result.summary.violations.filter((v) => v.rule.severity === "error" || v.rule.severity === "warn");
  const shown = raised.filter((v) => !known.some((k) => isSameViolation(k, v)));
  const lines = shown.map((v) => {
    const steps = v.cycle?.length ? v.cycle : v.via?.length ? v.via : [{ name: v.to, dependencyTypes: [] }];
    return `${v.rule.severity} ${v.rule.name}: ${[v.from, ...names(steps)].join(" → ")} — ${reasons.get(v.rule.name)}`;
  });
  const errors = shown.filter((v) => v.rule.severity === "error").length;
  const ignored = (result.summary.ignore ?? 0) + raised.length - shown.length;
  const knownNote = ignored ? `, ${ignored} known violation(s) ignored` : "";
  lines.push(`${errors ? "✘" : "✔"} architecture: ${errors} error(s)${knownNote}, ${result.summary.totalCruised} modules cruised`);
  return { lines, errors };
}
