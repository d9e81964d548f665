import type { Metadata } from "next";
import Link from "next/link";
import { LocalTime } from "@/components/submission/local-time";
import { requireBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { getBrokerageName, latestOutcomes, listAttempts } from "@/lib/submissions/queries";
import type { AttemptStatus } from "@/lib/submissions/views";

export const metadata: Metadata = { title: "Your submissions" };
export const dynamic = "force-dynamic";

const STATUS_TEXT: Record<AttemptStatus, string> = {
  verifying: "Being checked",
  verified: "Passed every check",
  failed: "Some checks failed",
  inconclusive: "Could not finish the checks",
  approved: "Approved: in use",
  superseded: "Replaced",
};

export default async function HistoryPage() {
  const session = await requireBrokerageSession();
  const [name, attempts] = await Promise.all([getBrokerageName(session.brokerageId), listAttempts(session.brokerageId)]);
  const outcomes = await latestOutcomes(attempts.map((a) => a.id));

  return (
    <div className="max-w-3xl">
      <h1 className="mb-2 text-3xl font-bold sm:text-4xl">Your submissions</h1>
      <p className="mb-8 text-lg">Every set of details {name} has sent, newest first.</p>
      {attempts.length === 0 ? (
        <p className="mb-8">
          Nothing sent yet.{" "}
          <Link className="text-brand-700 underline" href="/submit">
            Submit your Microsoft 365 details
          </Link>
        </p>
      ) : (
        <ol className="mb-8 border-t border-gray-300">
          {attempts.map((attempt) => {
            const outcome = outcomes.get(attempt.id);
            const replacedAfter = attempt.status === "superseded" && outcome && outcome !== "running" ? ` after: ${outcome}` : "";
            return (
              <li key={attempt.id} className="border-b border-gray-300 py-4">
                <h2 className="text-xl font-bold">
                  <Link className="text-brand-700 underline" href={`/submit/status/${attempt.id}`}>
                    Attempt {attempt.number}
                  </Link>
                  : {STATUS_TEXT[attempt.status]}
                  {replacedAfter}
                </h2>
                <p className="mt-1">
                  Sent <LocalTime iso={attempt.createdAt.toISOString()} withDate /> by {attempt.submitterName}
                </p>
                <p className="mt-1 break-words text-muted">
                  Test mailbox {attempt.testMailbox}; secret beginning <code className="font-mono">{attempt.secretHint}</code>
                  {attempt.status === "superseded" ? " (deleted)" : `, expires ${attempt.secretExpiresOn}`}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
