import { isGuid, isMailboxAddress, normaliseGuid } from "../microsoft/identifiers";
import type { VerificationInput } from "./types";

/**
 * The `input` check's rules: well-formed values, normalised the way an
 * administrator would expect (spaces around a pasted value are dropped, GUIDs
 * lose braces and capitals). Messages follow the house style for form errors.
 */

export type InputField = "tenantId" | "clientId" | "clientSecret" | "testMailbox" | "secretExpiresOn";
export type InputProblem = { field: InputField; message: string };
export type NormalisedInput = Required<Omit<VerificationInput, "secretExpiresOn">> & { secretExpiresOn?: string };

const EXAMPLE_GUID = "00000000-0000-0000-0000-000000000000";
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === value;
}

/** The Secret ID column of the Entra admin center is a GUID; a secret value never is. */
export const looksLikeSecretId = (secret: string) => isGuid(secret.trim());

function guidProblem(value: string, field: InputField, label: string): InputProblem | undefined {
  if (!value) return { field, message: `Enter the ${label}` };
  if (!isGuid(value)) return { field, message: `${label[0]!.toUpperCase()}${label.slice(1)} must be a GUID, like ${EXAMPLE_GUID}` };
  return undefined;
}

export function normaliseInput(input: Partial<VerificationInput>): NormalisedInput {
  const expires = input.secretExpiresOn?.trim();
  return {
    tenantId: normaliseGuid(input.tenantId ?? ""),
    clientId: normaliseGuid(input.clientId ?? ""),
    clientSecret: (input.clientSecret ?? "").trim(),
    testMailbox: (input.testMailbox ?? "").trim(),
    secretExpiresOn: expires ? expires : undefined,
    sendTestMessage: input.sendTestMessage ?? true,
  };
}

/** Problems with the given fields of normalised input, in form order. */
export function inputProblems(values: NormalisedInput, fields: readonly InputField[]): InputProblem[] {
  const problems: Array<InputProblem | undefined> = [];
  if (fields.includes("tenantId")) problems.push(guidProblem(values.tenantId, "tenantId", "tenant ID"));
  if (fields.includes("clientId")) problems.push(guidProblem(values.clientId, "clientId", "application (client) ID"));
  if (fields.includes("clientSecret")) {
    if (!values.clientSecret) problems.push({ field: "clientSecret", message: "Enter the client secret value" });
    else if (/\s/.test(values.clientSecret)) {
      problems.push({ field: "clientSecret", message: "Client secret value must not contain spaces: copy only the Value column" });
    } else if (values.clientSecret.length > 256) {
      problems.push({ field: "clientSecret", message: "Client secret value must be 256 characters or fewer: copy only the Value column" });
    }
  }
  if (fields.includes("testMailbox")) {
    if (!values.testMailbox) problems.push({ field: "testMailbox", message: "Enter the test mailbox address" });
    else if (!isMailboxAddress(values.testMailbox)) {
      problems.push({ field: "testMailbox", message: "Enter an email address in the correct format, like name@example.com" });
    }
  }
  if (fields.includes("secretExpiresOn") && values.secretExpiresOn !== undefined && !isIsoDate(values.secretExpiresOn)) {
    problems.push({ field: "secretExpiresOn", message: "Secret expiry must be a real date, like 2027-03-31" });
  }
  return problems.filter((p): p is InputProblem => p !== undefined);
}
