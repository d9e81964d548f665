import Link from "next/link";
import type { StatusView } from "@/lib/submissions/views";
import { buttonClass } from "@/components/form/button";
import { Panel } from "@/components/form/panel";
import { Diagnosis } from "./diagnosis";
import { LocalTime } from "./local-time";

/**
 * The head of the status page: while checks run, what is happening; at the end, a
 * panel that says how it ended and what happens next.
 */
export function OutcomePanel({ view, consentMailto }: { view: StatusView; consentMailto?: string }) {
  const { attempt, phase, checks } = view;
  const done = checks.filter((c) => c.status !== "waiting" && c.status !== "running").length;
  const failed = checks.filter((c) => c.status === "fail");
  // The form the attempt came from: a certificate attempt is fixed on the certificate form.
  const formPath = attempt.credentialMethod === "certificate" ? "/submit/certificate" : "/submit";
  const credential = attempt.credentialMethod === "certificate" ? "certificate" : "client secret";

  if (phase === "queued" || phase === "running") {
    return (
      <div className="mb-8">
        <h1 className="mb-2 text-3xl font-bold sm:text-4xl">Checking your details with {attempt.provider === "google" ? "Google" : "Microsoft"}</h1>
        <p className="text-lg">
          Attempt {attempt.number}: {done} of {checks.length} checks done. Results appear below as each check finishes; it
          usually takes under a minute.
        </p>
      </div>
    );
  }
  if (phase === "verified") {
    return (
      <>
        <Panel title="Your details work">Attempt {attempt.number} passed every check</Panel>
        <h2 className="mb-2 text-2xl font-bold">What happens next</h2>
        <p className="mb-2 max-w-2xl text-lg">
          Your customer success manager reviews the results and switches on the sync. You do not need to do anything else.
        </p>
        <p className="mb-8 max-w-2xl text-lg">
          {attempt.provider === "google"
            ? "Nothing expires: the sync keeps working until a super administrator removes the delegation."
            : `Before the ${credential} expires we write to you with a link to replace it, and the sync keeps working meanwhile.`}
        </p>
      </>
    );
  }
  if (phase === "failed") {
    return (
      <>
        <Panel title="Some details need fixing" tone="failure">
          Attempt {attempt.number}: {failed.length} {failed.length === 1 ? "check" : "checks"} failed
        </Panel>
        <Diagnosis checks={checks} consentMailto={consentMailto} />
        <p className="mb-4 max-w-2xl text-lg">
          You do not need to start again: make these changes in the Microsoft Entra admin center, then send your details
          again.
        </p>
        {attempt.status !== "superseded" ? (
          <p className="mb-8">
            <Link href={formPath} className={buttonClass("primary")}>
              Fix and resubmit
            </Link>
          </p>
        ) : null}
      </>
    );
  }
  if (phase === "inconclusive") {
    return (
      <>
        <Panel title="We could not finish the checks" tone="neutral">
          Microsoft did not answer in time. This is not something you did.
        </Panel>
        <p className="mb-4 max-w-2xl text-lg">
          {view.retryAt ? (
            <>
              We try again automatically at <LocalTime iso={view.retryAt} />, and this page updates by itself. You can leave
              it: your customer success manager sees the results too.
            </>
          ) : (
            <>Your customer success manager will run the checks again. You do not need to do anything.</>
          )}
        </p>
        <p className="mb-8">
          <Link href={formPath} className={buttonClass("secondary")}>
            Change your details
          </Link>
        </p>
      </>
    );
  }
  return (
    <div className="mb-8">
      <h1 className="mb-2 text-3xl font-bold sm:text-4xl">This attempt was replaced</h1>
      <p className="text-lg">A newer attempt was sent before these checks began.</p>
    </div>
  );
}
