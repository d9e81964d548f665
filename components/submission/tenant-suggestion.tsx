"use client";

import type { TenantLookup } from "@/lib/submissions/form-state";
import { Button } from "@/components/form/button";

/**
 * What Microsoft's discovery says about the test mailbox's domain: offered when the
 * Tenant ID is empty or different, confirmed when it matches.
 */
export function TenantSuggestion({
  lookup,
  tenantId,
  clientId,
  onUse,
  onSwap,
  supportEmail,
}: {
  lookup: TenantLookup;
  tenantId: string;
  clientId: string;
  onUse: (tenantId: string) => void;
  onSwap: () => void;
  supportEmail: string;
}) {
  if (lookup.status === "none") return null;
  const branch = lookup.status === "found" || lookup.status === "not-found" ? <BranchHint lookup={lookup} /> : null;
  if (lookup.status === "not-found") {
    return (
      <>
        <p className="mt-2 max-w-2xl">
          Microsoft has no tenant for <strong>{lookup.domain}</strong>. Check the test mailbox is an address in your
          Microsoft 365.
        </p>
        {branch}
      </>
    );
  }
  if (lookup.status === "other-cloud") {
    return (
      <p className="mt-2 max-w-2xl">
        <strong>{lookup.domain}</strong> is in a Microsoft national cloud, such as GCC High, which the sync cannot reach.
        Email <a className="text-brand-700 underline" href={`mailto:${supportEmail}`}>{supportEmail}</a> before going on.
      </p>
    );
  }
  const entered = guidOf(tenantId);
  // The tenant's own ID in the Client ID box: the two Overview values were pasted the wrong way round.
  if (entered !== lookup.tenantId && guidOf(clientId) === lookup.tenantId) {
    return (
      <div className="mt-3 max-w-2xl border-l-4 border-brand-600 bg-brand-50 p-3" data-swapped>
        <p className="font-bold">The Tenant ID and Client ID look swapped</p>
        <p className="mt-1">
          The Client ID you entered, <code className="break-all font-mono">{lookup.tenantId}</code>, is the tenant of{" "}
          <strong>{lookup.domain}</strong>. On the app&apos;s Overview page the Directory (tenant) ID is the Tenant ID and
          the Application (client) ID is the Client ID.
        </p>
        <Button type="button" variant="secondary" small className="mt-2" onClick={onSwap}>
          Swap the Tenant ID and Client ID
        </Button>
      </div>
    );
  }
  if (entered === lookup.tenantId) {
    return (
      <>
        <p className="mt-2 max-w-2xl text-success">
          <strong>{lookup.domain}</strong> belongs to the tenant you entered.
        </p>
        {branch}
      </>
    );
  }
  return (
    <>
      <div className="mt-3 max-w-2xl border-l-4 border-brand-600 bg-brand-50 p-3">
        <p>
          {entered ? "The Tenant ID above is not the tenant of " : "Microsoft says "}
          <strong>{lookup.domain}</strong>
          {entered ? ", which is " : " belongs to tenant "}
          <code className="break-all font-mono">{lookup.tenantId}</code>.
        </p>
        <Button type="button" variant="secondary" small className="mt-2" onClick={() => onUse(lookup.tenantId)}>
          Use this Tenant ID
        </Button>
      </div>
      {branch}
    </>
  );
}

const guidOf = (value: string) => value.trim().toLowerCase().replace(/^\{|\}$/g, "");

const BRANCH_WORDS = {
  godaddy: "Its Microsoft 365 is managed through GoDaddy, which changes some steps:",
  "google-workspace": "Its email is with Google Workspace, not Microsoft 365:",
  other: "Its email is with neither Microsoft 365 nor Google Workspace:",
} as const;

/** A domain whose provider has its own branch of the guide says so beside the suggestion. */
function BranchHint({ lookup }: { lookup: Extract<TenantLookup, { status: "found" | "not-found" }> }) {
  if (!lookup.branch || !lookup.branchPath) return null;
  return (
    <p className="mt-2 max-w-2xl">
      {BRANCH_WORDS[lookup.branch]}{" "}
      <a className="text-brand-700 underline" href={lookup.branchPath}>
        see the steps for {lookup.domain}
      </a>
      .
    </p>
  );
}
