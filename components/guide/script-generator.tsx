"use client";

import { useId, useState } from "react";
import { azureCliScript } from "@/lib/guide/azure-cli-script";
import { powershellScript } from "@/lib/guide/powershell-script";
import {
  DEFAULT_SECRET_LIFETIME_MONTHS,
  isSecretLifetime,
  parseAppName,
  SECRET_LIFETIME_MONTHS,
  secretLifetimeLabel,
  type SecretLifetimeMonths,
} from "@/lib/guide/script-options";
import { CopyButton } from "@/components/form/copy-button";

type Shell = "azure-cli" | "powershell";

/**
 * The "do it with a script" form. The script follows the choices as they are made (it
 * is a configurator, not a submission); while the app name is unusable the script is
 * withheld and the field says why, so nobody copies a script that does not match.
 */
export function ScriptGenerator(props: { productName: string; defaultAppName: string; secretDescription: string; guideUrl: string }) {
  const [appName, setAppName] = useState(props.defaultAppName);
  const [months, setMonths] = useState<SecretLifetimeMonths>(DEFAULT_SECRET_LIFETIME_MONTHS);
  const [shell, setShell] = useState<Shell>("azure-cli");
  const scriptId = useId();

  const name = parseAppName(appName);
  const options = { secretDescription: props.secretDescription, secretMonths: months, productName: props.productName, guideUrl: props.guideUrl };
  const script = name.ok
    ? (shell === "azure-cli" ? azureCliScript : powershellScript)({ ...options, appName: name.value })
    : null;

  return (
    <div className="space-y-6">
      <div className={name.ok ? "" : "border-l-4 border-error pl-4"}>
        <label htmlFor="script-app-name" className="block text-lg font-bold">
          App name
        </label>
        <p id="script-app-name-hint" className="text-muted">
          The name your colleagues will see in the admin center.
        </p>
        {name.ok ? null : (
          <p id="script-app-name-error" className="font-bold text-error">
            <span className="sr-only">Error:</span> {name.message}
          </p>
        )}
        <input
          id="script-app-name"
          name="appName"
          type="text"
          value={appName}
          onChange={(event) => setAppName(event.target.value)}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={name.ok ? "script-app-name-hint" : "script-app-name-hint script-app-name-error"}
          aria-invalid={!name.ok}
          className={`mt-1 w-full max-w-md rounded-none border-2 px-2 py-1.5 ${name.ok ? "border-ink" : "border-error"}`}
        />
      </div>

      <div>
        <label htmlFor="script-secret-months" className="block text-lg font-bold">
          Secret lifetime
        </label>
        <p id="script-secret-months-hint" className="text-muted">
          The longest the admin center offers is 24 months. Choose less if your organisation requires it.
        </p>
        <select
          id="script-secret-months"
          value={months}
          onChange={(event) => {
            const value = Number(event.target.value);
            if (isSecretLifetime(value)) setMonths(value);
          }}
          aria-describedby="script-secret-months-hint"
          className="mt-1 rounded-none border-2 border-ink bg-white px-2 py-1.5"
        >
          {SECRET_LIFETIME_MONTHS.map((m) => (
            <option key={m} value={m}>
              {secretLifetimeLabel(m)}
            </option>
          ))}
        </select>
      </div>

      <fieldset>
        <legend className="text-lg font-bold">Where will you run it?</legend>
        <div className="mt-2 space-y-2">
          <ShellChoice value="azure-cli" current={shell} onChange={setShell} label="Azure Cloud Shell (Bash, with Azure CLI)" />
          <ShellChoice value="powershell" current={shell} onChange={setShell} label="PowerShell on your computer (Microsoft Graph PowerShell)" />
        </div>
      </fieldset>

      {shell === "azure-cli" ? (
        <ol className="list-decimal space-y-1 pl-6">
          <li>
            Open <strong>shell.azure.com</strong> and sign in with your administrator account. Choose <strong>Bash</strong> if asked.
          </li>
          <li>Copy the script below, paste it into the shell and press Enter.</li>
        </ol>
      ) : (
        <ol className="list-decimal space-y-1 pl-6">
          <li>
            Open PowerShell. The first time, install Microsoft&apos;s module:{" "}
            <code className="font-mono">Install-Module Microsoft.Graph.Applications -Scope CurrentUser</code>
          </li>
          <li>Copy the script below, paste it into PowerShell and press Enter. A browser window asks you to sign in.</li>
        </ol>
      )}

      <div>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <h3 id={scriptId} className="text-lg font-bold">
            {shell === "azure-cli" ? "Azure CLI script" : "PowerShell script"}
          </h3>
          {script ? <CopyButton text={script} what="the script" /> : null}
        </div>
        {script ? (
          <pre
            tabIndex={0}
            aria-labelledby={scriptId}
            className="mt-2 max-h-96 overflow-auto rounded bg-ink p-4 font-mono text-sm leading-relaxed text-gray-100 print:max-h-none print:overflow-visible print:whitespace-pre-wrap print:bg-white print:text-ink"
          >
            <code>{script}</code>
          </pre>
        ) : (
          <p className="mt-2 rounded border-2 border-dashed border-gray-400 p-4">Correct the app name to see the script.</p>
        )}
      </div>
    </div>
  );
}

function ShellChoice(props: { value: Shell; current: Shell; onChange: (shell: Shell) => void; label: string }) {
  const id = `script-shell-${props.value}`;
  return (
    <div className="flex items-center gap-3">
      <input
        id={id}
        type="radio"
        name="script-shell"
        value={props.value}
        checked={props.current === props.value}
        onChange={() => props.onChange(props.value)}
        className="h-6 w-6 accent-brand-700"
      />
      <label htmlFor={id}>{props.label}</label>
    </div>
  );
}
