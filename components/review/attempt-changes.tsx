import type { AttemptChanges } from "@/lib/review/changes";
import { checkLabel } from "./labels";

const STATUS_WORDS: Record<string, string> = {
  pending: "waiting",
  running: "checking",
  pass: "passed",
  warn: "warning",
  fail: "failed",
  skipped: "not run",
  error: "could not check",
};
const word = (s: string | null) => (s ? (STATUS_WORDS[s] ?? s) : "no result");

/** What the administrator changed since the previous attempt, and which checks moved. */
export function AttemptChangesSection({ changes }: { changes: AttemptChanges }) {
  return (
    <section aria-labelledby="changes-heading" className="mb-10">
      <h2 id="changes-heading" className="mb-3 text-2xl font-bold">
        Changes since attempt {changes.previousAttemptNumber}
      </h2>
      {changes.values.length === 0 ? (
        <p className="mb-4">The same values were submitted again.</p>
      ) : (
        <table className="mb-6 w-full border-collapse text-left">
          <caption className="mb-2 text-left font-bold">Values</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">Field</th>
              <th scope="col" className="py-2 pr-3">Before</th>
              <th scope="col" className="py-2">Now</th>
            </tr>
          </thead>
          <tbody>
            {changes.values.map((v) => (
              <tr key={v.field} className="border-b border-gray-300 align-top">
                <th scope="row" className="py-2 pr-3 font-normal">{v.label}</th>
                <td className="py-2 pr-3 break-all"><del>{v.before}</del></td>
                <td className="py-2 break-all"><ins className="no-underline font-bold">{v.after}</ins></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {changes.checks.length === 0 ? (
        <p>Every check ended as it did before.</p>
      ) : (
        <table className="w-full border-collapse text-left">
          <caption className="mb-2 text-left font-bold">Checks</caption>
          <thead>
            <tr className="border-b-2 border-ink">
              <th scope="col" className="py-2 pr-3">Check</th>
              <th scope="col" className="py-2 pr-3">Before</th>
              <th scope="col" className="py-2">Now</th>
            </tr>
          </thead>
          <tbody>
            {changes.checks.map((c) => (
              <tr key={c.checkId} className="border-b border-gray-300">
                <th scope="row" className="py-2 pr-3 font-normal">{checkLabel(c.checkId)}</th>
                <td className="py-2 pr-3">{word(c.before)}</td>
                <td className="py-2 font-bold">{word(c.after)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
