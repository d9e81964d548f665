import { CHECK_LABELS } from "../verification/labels";
import type { CheckResult, CheckStatus, VerificationReport } from "../verification/types";

/** The `verify` command's human-readable report: a table of checks, then what to fix. */

const STATUS_WORDS: Record<CheckStatus, string> = { pass: "pass", warn: "warning", fail: "FAIL", skipped: "skipped", error: "ERROR" };

const HEADLINES: Record<VerificationReport["outcome"], string> = {
  verified: "Verified: the sync will work with these credentials.",
  failed: "Failed: something needs fixing before the sync can work.",
  inconclusive: "Inconclusive: Microsoft could not be checked fully; nothing needs fixing yet. Try again later.",
};

function wrap(text: string, width: number, indent: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(indent + line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(indent + line);
  return lines;
}

function microsoftLine(c: CheckResult): string | undefined {
  if (!c.microsoft) return undefined;
  const parts = [c.microsoft.code];
  if (c.microsoft.requestId) parts.push(`request ${c.microsoft.requestId}`);
  if (c.microsoft.correlationId) parts.push(`correlation ${c.microsoft.correlationId}`);
  if (c.microsoft.timestamp) parts.push(c.microsoft.timestamp);
  return `Microsoft: ${parts.join(" · ")}`;
}

export function formatReport(report: VerificationReport, guideUrl: string): string {
  const idWidth = Math.max(...report.checks.map((c) => c.id.length));
  const rows = report.checks.map(
    (c) => `  ${STATUS_WORDS[c.status].padEnd(8)} ${c.id.padEnd(idWidth)}  ${c.status === "skipped" ? `${CHECK_LABELS[c.id]}: ${c.detail}` : c.title}`,
  );
  const out = [HEADLINES[report.outcome], `(${(report.durationMs / 1000).toFixed(1)} s)`, "", ...rows];
  if (report.recheck) {
    const wait = Math.round(report.recheck.afterMs / 1000);
    out.push("", `Checked twice, ${wait} s apart: the first look found ${report.recheck.firstReasons.join(", ")}; the results above are the second look's.`);
  }
  const attention = report.checks.filter((c) => c.status === "fail" || c.status === "warn" || c.status === "error");
  if (attention.length) {
    out.push("", "What to do");
    for (const c of attention) {
      out.push("", `  ${c.id}: ${c.title}`, ...wrap(c.detail, 96, "    "));
      if (c.guideAnchor) out.push(`    Guide: ${guideUrl}#${c.guideAnchor}`);
      const ms = microsoftLine(c);
      if (ms) out.push(`    ${ms}`);
    }
  }
  return `${out.join("\n")}\n`;
}
