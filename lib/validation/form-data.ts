import type { CertificateSubmissionInput, SubmissionInput, VendorAppSubmissionInput } from "./submission";

/**
 * The form's fields as posted (FormData from the browser, with or without
 * JavaScript) in the shape the schema parses. Missing fields become empty strings,
 * so the schema, not this function, says what is wrong.
 */
export function submissionInputFromFormData(form: FormData): SubmissionInput {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : "";
  };
  return {
    tenantId: text("tenantId"),
    clientId: text("clientId"),
    clientSecret: text("clientSecret"),
    expiry: { day: text("expiry.day"), month: text("expiry.month"), year: text("expiry.year") },
    testMailbox: text("testMailbox"),
    sendTestMessage: ["on", "true"].includes(text("sendTestMessage")),
    // A form posted without the question (an older page still open) means the whole organisation.
    accessScope: (text("accessScope") || "organization") as NonNullable<SubmissionInput["accessScope"]>,
    outsideMailbox: text("outsideMailbox"),
    submitterName: text("submitterName"),
    submitterEmail: text("submitterEmail"),
    submitterPhone: text("submitterPhone"),
  };
}

/** The same fields as FormData, for the browser to post what react-hook-form holds. */
export function formDataFromSubmissionInput(values: SubmissionInput, extra: Record<string, string>): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(extra)) form.set(name, value);
  form.set("tenantId", values.tenantId);
  form.set("clientId", values.clientId);
  form.set("clientSecret", values.clientSecret);
  form.set("expiry.day", values.expiry.day);
  form.set("expiry.month", values.expiry.month);
  form.set("expiry.year", values.expiry.year);
  form.set("testMailbox", values.testMailbox);
  if (values.sendTestMessage) form.set("sendTestMessage", "on");
  form.set("accessScope", values.accessScope ?? "organization");
  form.set("outsideMailbox", values.outsideMailbox ?? "");
  form.set("submitterName", values.submitterName);
  form.set("submitterEmail", values.submitterEmail);
  form.set("submitterPhone", values.submitterPhone);
  return form;
}

/** The certificate form's fields as posted: no secret, no expiry. */
export function certificateInputFromFormData(form: FormData): CertificateSubmissionInput {
  const all = submissionInputFromFormData(form);
  return {
    tenantId: all.tenantId,
    clientId: all.clientId,
    testMailbox: all.testMailbox,
    sendTestMessage: all.sendTestMessage,
    submitterName: all.submitterName,
    submitterEmail: all.submitterEmail,
    submitterPhone: all.submitterPhone,
  };
}

/** The `vendor-app` form's fields: the test mailbox and who sends it. */
export function vendorAppInputFromFormData(form: FormData): VendorAppSubmissionInput {
  const all = submissionInputFromFormData(form);
  return {
    testMailbox: all.testMailbox,
    sendTestMessage: all.sendTestMessage,
    submitterName: all.submitterName,
    submitterEmail: all.submitterEmail,
    submitterPhone: all.submitterPhone,
  };
}
