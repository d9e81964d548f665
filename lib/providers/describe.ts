import type { ProviderDetection, ProviderKind } from "./types";

/**
 * Where each detected provider leads, and how staff read it. Shared by the start page,
 * the invite notice and the staff pages, so a branch has one address.
 */

export type ProviderBranch = "microsoft" | "godaddy" | "google-workspace" | "other" | "unknown";

export function branchOf(d: Pick<ProviderDetection, "kind" | "federationBrand">): ProviderBranch {
  if (d.kind === "microsoft-federated") return d.federationBrand === "godaddy" ? "godaddy" : "microsoft";
  if (d.kind === "microsoft-managed") return "microsoft";
  return d.kind;
}

/** The branches in words, for staff filters and labels. */
export const BRANCH_LABELS: Record<ProviderBranch, string> = {
  microsoft: "Microsoft 365",
  godaddy: "Microsoft 365 through GoDaddy",
  "google-workspace": "Google Workspace",
  other: "Neither",
  unknown: "Could not tell",
};

export const isProviderBranch = (value: string | undefined): value is ProviderBranch => Boolean(value && Object.hasOwn(BRANCH_LABELS, value));

export const BRANCH_PATHS: Record<Exclude<ProviderBranch, "unknown">, string> = {
  microsoft: "/guide",
  godaddy: "/guide/godaddy",
  "google-workspace": "/guide/google-workspace",
  other: "/guide/other-email",
};

const KIND_WORDS: Record<ProviderKind, string> = {
  "microsoft-managed": "Microsoft 365",
  "microsoft-federated": "Microsoft 365, sign-in federated",
  "google-workspace": "Google Workspace",
  other: "Neither Microsoft 365 nor Google Workspace",
  unknown: "Could not tell",
};

/** One line for staff: the kind, then what backs it. */
export function describeDetection(d: ProviderDetection): { summary: string; details: string[] } {
  const summary =
    d.kind === "microsoft-federated" && d.federationBrand === "godaddy" ? "Microsoft 365 managed by GoDaddy (federated sign-in)" : KIND_WORDS[d.kind];
  const details: string[] = [];
  if (d.tenantId) details.push(`Tenant ID ${d.tenantId}`);
  if (d.cloud) details.push(`Cloud: ${d.cloud}`);
  if (d.signInHost) details.push(`Users sign in at ${d.signInHost}`);
  details.push(d.mx.length ? `Mail servers (MX): ${d.mx.map((r) => r.exchange).join(", ")}` : d.sources.mx.status === "none" ? "No mail servers (MX) published" : "Mail servers (MX) did not answer");
  const unanswered = [
    d.sources.openId.status === "unavailable" ? "tenant discovery" : undefined,
    d.sources.userRealm.status === "unavailable" ? "user realm" : undefined,
  ].filter(Boolean);
  if (unanswered.length) details.push(`Microsoft did not answer: ${unanswered.join(", ")}`);
  return { summary, details };
}
