import type { FieldError, SubmissionInput } from "../validation/submission";
import type { CheckView } from "./views";

/** What the form's server actions answer; plain data, never the secret. */

export type PrefillValues = Omit<SubmissionInput, "clientSecret">;

export type SubmitState =
  | { status: "editing" }
  | { status: "invalid"; errors: FieldError[]; values: PrefillValues; at: number }
  | { status: "refused"; message: string; at: number };

export type CredentialsCheckState =
  | { status: "checked"; results: CheckView[] }
  | { status: "invalid"; errors: FieldError[] }
  | { status: "refused"; message: string }
  | { status: "unavailable" };

export type TenantLookupState =
  | { status: "found"; domain: string; tenantId: string }
  | { status: "not-found"; domain: string }
  | { status: "other-cloud"; domain: string }
  | { status: "none" };
