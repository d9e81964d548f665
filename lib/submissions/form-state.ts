import type { SubmissionInput } from "../validation/submission";
import type { CheckView } from "./views";

/** What the form's server actions answer inside their ActionState (lib/actions/state.ts); never the secret. */

export type PrefillValues = Omit<SubmissionInput, "clientSecret">;

/** A sent form's attempt (the action redirects to its status page). */
export type SubmitAccepted = { attemptId: string; alreadySent: boolean };

/** "Check these credentials": the checks' results, or Microsoft could not be reached. */
export type CredentialsCheck = { outcome: "checked"; results: CheckView[] } | { outcome: "unavailable" };

/** A guide branch other than the Microsoft 365 one, when the domain's provider calls for it. */
export type OtherBranch = { branch?: "godaddy" | "google-workspace" | "other"; branchPath?: string };

export type TenantLookup =
  | ({ status: "found"; domain: string; tenantId: string } & OtherBranch)
  | ({ status: "not-found"; domain: string } & OtherBranch)
  | { status: "other-cloud"; domain: string }
  | { status: "none" };
