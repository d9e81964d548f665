import { GUID_EXAMPLE } from "../validation/guid";
import {
  guidProblem,
  isIsoDate,
  mailboxProblem,
  SECRET_VALUE_LENGTH,
  secretValueProblem,
  tidyIdentifier,
  type SecretValueProblem,
} from "../validation/credential-rules";
import type { VerificationInput } from "./types";

/**
 * The `input` check's rules, which are the credential form's rules (one definition in
 * lib/validation/credential-rules), worded for a report. Values are normalised the way
 * an administrator would expect: spaces around a pasted value are dropped, GUIDs lose
 * braces and capitals. A pasted Secret ID passes here on purpose: the token check
 * names that mistake with its own reason.
 */

export type InputField = "tenantId" | "clientId" | "clientSecret" | "testMailbox" | "secretExpiresOn" | "outsideMailbox";
export type InputProblem = { field: InputField; message: string };
export type NormalisedInput = Required<Omit<VerificationInput, "secretExpiresOn" | "outsideMailbox" | "clientCertificate" | "vendorApp">> & {
  vendorApp?: boolean;
  secretExpiresOn?: string;
  outsideMailbox?: string;
  clientCertificate?: VerificationInput["clientCertificate"];
};

const SECRET_MESSAGES: Record<SecretValueProblem, string> = {
  empty: "Enter the client secret value",
  spaces: "Client secret value must not contain spaces: copy only the Value column",
  "too-long": `Client secret value must be ${SECRET_VALUE_LENGTH.max} characters or fewer: copy only the Value column`,
  "too-short": `Client secret value must be at least ${SECRET_VALUE_LENGTH.min} characters: copy the whole Value column`,
};

function guidFieldProblem(value: string, field: InputField, label: string): InputProblem | undefined {
  const problem = guidProblem(value);
  if (problem === "empty") return { field, message: `Enter the ${label}` };
  if (problem) return { field, message: `${label[0]!.toUpperCase()}${label.slice(1)} must be a GUID, like ${GUID_EXAMPLE}` };
  return undefined;
}

function mailboxFieldProblem(value: string): InputProblem | undefined {
  const problem = mailboxProblem(value);
  if (problem === "empty") return { field: "testMailbox", message: "Enter the test mailbox address" };
  if (problem) return { field: "testMailbox", message: "Enter an email address in the correct format, like name@example.com" };
  return undefined;
}

export function normaliseInput(input: Partial<VerificationInput>): NormalisedInput {
  // A certificate's expiry is read from the certificate, never typed (DESIGN §9).
  const expires = input.secretExpiresOn?.trim() || input.clientCertificate?.notAfter.toISOString().slice(0, 10);
  return {
    tenantId: tidyIdentifier(input.tenantId ?? ""),
    clientId: tidyIdentifier(input.clientId ?? ""),
    clientSecret: (input.clientSecret ?? "").trim(),
    testMailbox: (input.testMailbox ?? "").trim(),
    secretExpiresOn: expires ? expires : undefined,
    sendTestMessage: input.sendTestMessage ?? true,
    accessScope: input.accessScope === "exchange-rbac" ? "exchange-rbac" : "organization",
    outsideMailbox: input.outsideMailbox?.trim() || undefined,
    ...(input.clientCertificate ? { clientCertificate: input.clientCertificate } : {}),
    ...(input.vendorApp ? { vendorApp: true } : {}),
  };
}

/** Problems with the given fields of normalised input, in form order. */
export function inputProblems(values: NormalisedInput, fields: readonly InputField[]): InputProblem[] {
  const problems: Array<InputProblem | undefined> = [];
  if (fields.includes("tenantId")) problems.push(guidFieldProblem(values.tenantId, "tenantId", "tenant ID"));
  if (fields.includes("clientId")) problems.push(guidFieldProblem(values.clientId, "clientId", "application (client) ID"));
  if (fields.includes("clientSecret")) {
    const problem = secretValueProblem(values.clientSecret);
    if (problem) problems.push({ field: "clientSecret", message: SECRET_MESSAGES[problem] });
  }
  if (fields.includes("testMailbox")) problems.push(mailboxFieldProblem(values.testMailbox));
  if (fields.includes("secretExpiresOn") && values.secretExpiresOn !== undefined && !isIsoDate(values.secretExpiresOn)) {
    problems.push({ field: "secretExpiresOn", message: "Secret expiry must be a real date, like 2027-03-31" });
  }
  if (fields.includes("outsideMailbox") && values.outsideMailbox !== undefined) {
    if (mailboxProblem(values.outsideMailbox)) {
      problems.push({ field: "outsideMailbox", message: "Enter the outside mailbox as an email address, like name@example.com" });
    } else if (values.outsideMailbox.toLowerCase() === values.testMailbox.toLowerCase()) {
      problems.push({ field: "outsideMailbox", message: "The outside mailbox must be another mailbox than the test mailbox" });
    }
  }
  return problems.filter((p): p is InputProblem => p !== undefined);
}
