"use client";

import { useActionState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { describedBy, Question } from "@/components/form/form-group";
import { ErrorSummary } from "@/components/form/error-summary";
import { NotificationBanner } from "@/components/form/notification-banner";
import { SubmitButton } from "@/components/form/submit-button";
import { TextArea } from "@/components/form/text-area";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { IDLE } from "@/lib/actions/state";

export type AgentListResult =
  | { brokerageId: string; ok: true; report: { total: number; added: number; removed: number; duplicates: number }; runId: string | null }
  | { brokerageId: string; ok: false; problems: Array<{ line: number; value: string; message: string }> };

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

function Outcome({ result }: { result: AgentListResult }) {
  if (result.ok) {
    const { total, added, removed, duplicates } = result.report;
    return (
      <NotificationBanner kind="success" title="Agent list saved">
        <p className="font-bold">
          {plural(total, "agent", "agents")} in the list: {added.toLocaleString("en-US")} added, {removed.toLocaleString("en-US")} removed
          {duplicates ? `, ${plural(duplicates, "duplicate", "duplicates")} counted once` : ""}.
        </p>
        <p className="mt-2">{result.runId ? "Their mailboxes are being checked now." : added || removed ? "They are checked once the brokerage's credential is verified." : "Nothing changed."}</p>
      </NotificationBanner>
    );
  }
  return (
    <>
      <NotificationBanner kind="important" title="Nothing was saved">
        <p className="font-bold">
          {plural(result.problems.length, "address is", "addresses are")} not in the correct format. Fix {result.problems.length === 1 ? "it" : "them"} and send the whole list again.
        </p>
      </NotificationBanner>
      <TableRegion label="Problems in the list">
        <Table caption="Addresses not in the correct format, by line" head={<><Th>Line</Th><Th>Value</Th><Th>Problem</Th></>}>
          {result.problems.slice(0, 200).map((p, i) => (
            <Tr key={`${p.line}-${i}`}>
              <Td label="Line">{p.line}</Td>
              <Td label="Value" className="break-all">{p.value}</Td>
              <Td label="Problem">{p.message}</Td>
            </Tr>
          ))}
        </Table>
      </TableRegion>
      {result.problems.length > 200 ? <p className="mb-6 text-lg">And {(result.problems.length - 200).toLocaleString("en-US")} more.</p> : null}
    </>
  );
}

/** Upload a CSV file or paste addresses: the list replaces the brokerage's current one. */
export function AgentListForm({ brokerageId, replaceAgents }: { brokerageId: string; replaceAgents: FormAction<AgentListResult> }) {
  const [state, action] = useActionState(replaceAgents, IDLE);
  const fileError = state.errors?.file;
  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      {state.status === "ok" && state.result ? <Outcome result={state.result} /> : null}
      <form action={action} noValidate>
        <input type="hidden" name="brokerageId" value={brokerageId} />
        <Question id="file" label="Upload a CSV file of agents" hint="One address a line, or a column named email. Up to 10,000 agents." error={fileError}>
          <input
            id="file"
            name="file"
            type="file"
            accept=".csv,.txt,text/csv,text/plain"
            aria-describedby={describedBy("file", true, fileError)}
            aria-invalid={fileError ? true : undefined}
            className={`block w-full max-w-md border-2 ${fileError ? "border-error" : "border-ink"} bg-white p-1 text-lg`}
          />
        </Question>
        <TextArea name="agents" label="Or paste the addresses" hint="One a line, or separated by commas or semicolons" error={state.errors?.agents} rows={5} />
        <p className="mb-4 text-lg">The list replaces the current one: agents left out are removed with their results.</p>
        <SubmitButton>Save the agent list</SubmitButton>
      </form>
    </>
  );
}
