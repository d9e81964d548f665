/**
 * What the administrator submits at the end, in the submission form's order. The
 * guide's summary and both setup scripts print the values in this order.
 */
export const SUBMISSION_FIELDS = [
  { key: "tenantId", label: "Directory (tenant) ID", fromStep: "copy-ids" },
  { key: "clientId", label: "Application (client) ID", fromStep: "copy-ids" },
  { key: "clientSecret", label: "Client secret Value", fromStep: "copy-secret-value" },
  { key: "secretExpiresOn", label: "Client secret expiry date", fromStep: "create-secret" },
  { key: "testMailbox", label: "Test mailbox", fromStep: "choose-test-mailbox" },
] as const;

export type SubmissionFieldKey = (typeof SUBMISSION_FIELDS)[number]["key"];

/** The fields a setup script can produce (everything but the test mailbox). */
export const SCRIPT_OUTPUT_FIELDS = SUBMISSION_FIELDS.filter((f) => f.key !== "testMailbox");
