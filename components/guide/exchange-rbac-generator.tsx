"use client";

import { useState } from "react";
import { exchangeRbacScript } from "@/lib/guide/exchange-rbac-script";
import { CopyButton } from "@/components/form/copy-button";

type Field = "clientId" | "servicePrincipalObjectId" | "groupAddress" | "scopeName" | "testMailbox" | "outsideMailbox";

const FIELDS: Array<{ name: Field; label: string; hint: string; mono?: boolean }> = [
  { name: "clientId", label: "Application (client) ID", hint: "From the app registration's Overview page (step 2).", mono: true },
  {
    name: "servicePrincipalObjectId",
    label: "Enterprise application's Object ID",
    hint: "Entra ID > Enterprise apps > the app > Overview. Not the Object ID of the app registration.",
    mono: true,
  },
  { name: "groupAddress", label: "Agents' group address", hint: "A mail-enabled security group holding the agents' mailboxes and the test mailbox." },
  { name: "scopeName", label: "Management scope name", hint: "Any name; the role assignments are named after it." },
  { name: "testMailbox", label: "Test mailbox (inside the group)", hint: "Checked with Test-ServicePrincipalAuthorization: InScope should be True." },
  { name: "outsideMailbox", label: "A mailbox outside the group (optional)", hint: "Checked too: InScope should be False." },
];

/**
 * Step 8's script with the brokerage's values filled in. Like the setup script it follows
 * the values as they are typed, and is withheld (with the reason) while one is unusable.
 */
export function ExchangeRbacGenerator(props: { productName: string; appName: string; guideUrl: string }) {
  const [values, setValues] = useState<Record<Field, string>>({
    clientId: "",
    servicePrincipalObjectId: "",
    groupAddress: "agents@yourbrokerage.com",
    scopeName: `${props.productName} agents`,
    testMailbox: "",
    outsideMailbox: "",
  });
  let script: string | null = null;
  let problem: string | null = null;
  try {
    script = exchangeRbacScript({ ...values, appName: props.appName, productName: props.productName, guideUrl: props.guideUrl });
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  return (
    <div className="space-y-4">
      {FIELDS.map((f) => (
        <div key={f.name}>
          <label htmlFor={`rbac-${f.name}`} className="block text-lg font-bold">
            {f.label}
          </label>
          <p id={`rbac-${f.name}-hint`} className="text-muted">
            {f.hint}
          </p>
          <input
            id={`rbac-${f.name}`}
            type="text"
            value={values[f.name]}
            onChange={(event) => setValues({ ...values, [f.name]: event.target.value })}
            spellCheck={false}
            autoComplete="off"
            aria-describedby={`rbac-${f.name}-hint`}
            className={`mt-1 w-full max-w-md rounded-none border-2 border-ink px-2 py-1.5 ${f.mono ? "font-mono" : ""}`}
          />
        </div>
      ))}
      <div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h4 className="text-lg font-bold">Exchange Online PowerShell script</h4>
          {script ? <CopyButton text={script} what="the Exchange script" /> : null}
        </div>
        {script ? (
          <pre data-testid="exchange-rbac-script" className="mt-2 max-h-96 overflow-auto border-2 border-ink bg-white p-3 font-mono text-sm">
            {script}
          </pre>
        ) : (
          <p className="mt-2 border-l-4 border-error pl-4 font-bold">The script appears once the values are complete: {problem}</p>
        )}
      </div>
    </div>
  );
}
