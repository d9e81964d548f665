import { isDomainName, isMailboxAddress, mailboxDomain } from "../../validation/mailbox";

/**
 * The Google Workspace form's values (DESIGN §10): the domain and a test user in it.
 * Harmless spaces and case are normalised; problems are worded like the form's messages.
 */

export type GoogleVerificationInput = {
  domain: string;
  testUser: string;
  /** Send a test message from the user to itself (default true). */
  sendTestMessage?: boolean;
};

export type GoogleInputField = "domain" | "testUser";
export type GoogleInputProblem = { field: GoogleInputField; message: string };

export function normaliseGoogleInput(input: Partial<GoogleVerificationInput>): Required<GoogleVerificationInput> {
  const clean = (v: unknown) => (typeof v === "string" ? v.trim().toLowerCase() : "");
  return { domain: clean(input.domain).replace(/^@/, "").replace(/\.$/, ""), testUser: clean(input.testUser), sendTestMessage: input.sendTestMessage ?? true };
}

export function googleInputProblems(v: Required<GoogleVerificationInput>): GoogleInputProblem[] {
  const problems: GoogleInputProblem[] = [];
  if (!v.domain) problems.push({ field: "domain", message: "Enter your Google Workspace domain" });
  else if (!isDomainName(v.domain)) problems.push({ field: "domain", message: "Enter the domain in the correct format, like yourbrokerage.com" });
  if (!v.testUser) problems.push({ field: "testUser", message: "Enter the test user's email address" });
  else if (!isMailboxAddress(v.testUser)) problems.push({ field: "testUser", message: "Enter an email address in the correct format, like name@example.com" });
  else if (isDomainName(v.domain) && mailboxDomain(v.testUser) !== v.domain) problems.push({ field: "testUser", message: `Enter the address of a user in ${v.domain}` });
  return problems;
}
