import Link from "next/link";
import { buttonClass } from "@/components/form/button";
import { Panel } from "@/components/form/panel";
import { WarningText } from "@/components/form/warning-text";
import { formatDay } from "@/lib/format/dates";
import type { HomeState } from "@/lib/submissions/home";
import { Diagnosis } from "./diagnosis";

type Working = Extract<HomeState, { kind: "checking" | "verified" | "approved" | "expiring" }>;

/**
 * The home of the brokerage session when there is nothing to fill in: where the
 * credentials stand, what happens next, and replacing them as a choice of its own.
 */
export function HomeStatus({ state, rotationPath }: { state: Working; rotationPath: string }) {
  const { attempt } = state;
  const results = (
    <p className="mb-8">
      <Link className="text-brand-700 underline" href={`/submit/status/${attempt.id}`}>
        See the check results of attempt {attempt.number}
      </Link>
    </p>
  );
  return (
    <div data-home={state.kind}>
      {state.kind === "checking" ? (
        <>
          <h1 className="mb-4 text-3xl font-bold sm:text-4xl">We are checking your details with Microsoft</h1>
          <p className="mb-4 text-lg">Attempt {attempt.number} was sent and its checks are running. It usually takes under a minute.</p>
          <p className="mb-8">
            <Link className={buttonClass("primary")} href={`/submit/status/${attempt.id}`}>
              Watch the checks
            </Link>
          </p>
        </>
      ) : null}
      {state.kind === "verified" ? (
        <>
          <Panel title="Your details work">Attempt {attempt.number} passed every check and is waiting for review</Panel>
          <h2 className="mb-2 text-2xl font-bold">What happens next</h2>
          <p className="mb-4 max-w-2xl text-lg">
            Your customer success manager reviews the results and switches on the sync. You do not need to do anything else.
          </p>
          {results}
        </>
      ) : null}
      {state.kind === "approved" ? (
        <>
          <Panel title="Your Microsoft 365 connection is approved">Attempt {attempt.number} is in use by the sync</Panel>
          <p className="mb-4 max-w-2xl text-lg">
            The client secret expires on {formatDay(attempt.secretExpiresOn)}. We remind you before then to make a new one
            and send it here.
          </p>
          {results}
        </>
      ) : null}
      {state.kind === "expiring" ? (
        <>
          <h1 className="mb-4 text-3xl font-bold sm:text-4xl">
            Your client secret expires {state.daysLeft <= 0 ? "today" : `in ${state.daysLeft} ${state.daysLeft === 1 ? "day" : "days"}`}
          </h1>
          <p className="mb-4 max-w-2xl text-lg">
            Attempt {attempt.number} is approved and in use, until {formatDay(attempt.secretExpiresOn)}. When the secret expires
            the sync stops. Make a new secret on the app&apos;s Certificates &amp; secrets page and send it here: the sync
            keeps using the current one until the new one is checked and approved.
          </p>
          <p className="mb-8">
            <Link className={buttonClass("primary")} href={rotationPath}>
              Replace the expiring secret
            </Link>
          </p>
          {results}
        </>
      ) : null}
      {state.kind !== "checking" ? <ReplaceSection state={state} /> : null}
    </div>
  );
}

function ReplaceSection({ state }: { state: Working }) {
  return (
    <section aria-labelledby="replace-heading" className="mb-8 border-t border-gray-300 pt-6">
      <h2 id="replace-heading" className="mb-2 text-xl font-bold">
        Replace these credentials
      </h2>
      <p className="mb-4 max-w-2xl">{replaceConsequence(state)}</p>
      <p>
        <Link className={buttonClass("secondary")} href="/submit?replace=1">
          Replace these credentials
        </Link>
      </p>
    </section>
  );
}

/** What replacing does, said before the form and again above it. */
export function replaceConsequence(state: Working): string {
  const n = state.attempt.number;
  if (state.kind === "verified") {
    return `Only if something changed, such as a new app or a new secret. New details are checked again, attempt ${n} is replaced and its client secret deleted, and your customer success manager reviews the new ones instead.`;
  }
  return `Only if something changed, such as a new app or a new secret. New details are checked and reviewed first: the sync keeps using attempt ${n} until the new ones are approved.`;
}

/** Above the form when it is reached by choosing to replace working credentials. */
export function ReplaceWarning({ state }: { state: Working }) {
  return (
    <div className="mb-6" data-replacing>
      <WarningText>You are replacing attempt {state.attempt.number}, which works. {replaceConsequence(state)}</WarningText>
      <p className="mt-2">
        <Link className="text-brand-700 underline" href="/submit">
          Keep attempt {state.attempt.number} and go back
        </Link>
      </p>
    </div>
  );
}

/** Above the form when the last attempt needs changes: what the CSM or the checks asked for. */
export function FixingNotes({
  state,
  consentMailto,
}: {
  state: Extract<HomeState, { kind: "needs-fixing" | "changes-requested" | "inconclusive" }>;
  consentMailto: string;
}) {
  const { attempt } = state;
  if (state.kind === "changes-requested") {
    return (
      <div className="mb-8 border-l-[6px] border-brand-700 bg-brand-50 px-4 py-3" data-home="changes-requested">
        <h2 className="mb-2 text-2xl font-bold">Your customer success manager asked for changes</h2>
        <p className="mb-2">
          On {formatDay(state.requestedAt.toISOString().slice(0, 10))}, about attempt {attempt.number}.
        </p>
        {state.note ? (
          <blockquote className="mb-4 border-l-4 border-gray-400 pl-3 whitespace-pre-line break-words">{state.note}</blockquote>
        ) : null}
        {state.problems.length ? <Diagnosis checks={state.problems} withWarnings consentMailto={consentMailto} /> : null}
      </div>
    );
  }
  if (state.kind === "inconclusive") {
    return (
      <p className="mb-6 text-lg" data-home="inconclusive">
        Microsoft did not answer in time for attempt {attempt.number}; this is not something you did. Your customer success
        manager will run the checks again. Change your details below only if something is wrong.
      </p>
    );
  }
  return (
    <div data-home="needs-fixing">
      <p className="mb-4 text-lg">
        Attempt {attempt.number} needs fixing.{" "}
        <Link className="text-brand-700 underline" href={`/submit/status/${attempt.id}`}>
          See every check of attempt {attempt.number}
        </Link>
      </p>
      <Diagnosis checks={state.view.checks} consentMailto={consentMailto} />
    </div>
  );
}
