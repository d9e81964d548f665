import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { formDataFromSubmissionInput, submissionInputFromFormData } from "./form-data";
import { fieldErrors } from "../actions/state";
import { EMPTY_SUBMISSION, errorList, SECRET_ID_MESSAGE, SUBMISSION_FIELDS, SubmissionSchema, type SubmissionInput } from "./submission";
import { submissionWarnings } from "./warnings";

const TENANT = "3f2a1b6c-1d2e-4f50-8a9b-0c1d2e3f4a5b";
const CLIENT = "9b8c7d6e-5f40-4a3b-9c2d-1e0f9a8b7c6d";
const SECRET = "abc8Q~Zx1yW2vU3tS4rQ5pO6nM7lK8jI9hG0fEdC";

const good: SubmissionInput = {
  tenantId: TENANT,
  clientId: CLIENT,
  clientSecret: SECRET,
  expiry: { day: "26", month: "11", year: "2027" },
  testMailbox: "agent@harbor.example",
  sendTestMessage: true,
  submitterName: "Dana Whitfield",
  submitterEmail: "it@harbor.example",
  submitterPhone: "",
};

function errorsOf(input: SubmissionInput) {
  const result = SubmissionSchema.safeParse(input);
  return result.success ? [] : errorList(fieldErrors(result.error, SUBMISSION_FIELDS));
}
const messageFor = (input: SubmissionInput, field: string) => errorsOf(input).find((e) => e.field === field)?.message;

beforeEach(() => {
  vi.useFakeTimers();
  vi.setSystemTime(new Date("2026-11-26T12:00:00Z"));
});
afterEach(() => vi.useRealTimers());

describe("the submission schema", () => {
  it("accepts a complete form and normalises it", () => {
    const result = SubmissionSchema.parse({
      ...good,
      tenantId: ` {${TENANT.toUpperCase()}} `,
      clientId: CLIENT.toUpperCase(),
      testMailbox: "Agent@Harbor.Example",
      submitterPhone: " +1 206  555 0100 ",
    });
    expect(result).toEqual({
      tenantId: TENANT,
      clientId: CLIENT,
      clientSecret: SECRET,
      secretExpiresOn: "2027-11-26",
      testMailbox: "agent@harbor.example",
      sendTestMessage: true,
      accessScope: "organization",
      outsideMailbox: null,
      submitterName: "Dana Whitfield",
      submitterEmail: "it@harbor.example",
      submitterPhone: "+1 206 555 0100",
    });
  });

  it("keeps the outside mailbox only for a scope limited to a group, and never the test mailbox", () => {
    const limited = SubmissionSchema.parse({ ...good, accessScope: "exchange-rbac", outsideMailbox: " FrontDesk@Harbor.Example " });
    expect(limited).toMatchObject({ accessScope: "exchange-rbac", outsideMailbox: "frontdesk@harbor.example" });
    expect(SubmissionSchema.parse({ ...good, accessScope: "organization", outsideMailbox: "frontdesk@harbor.example" }).outsideMailbox).toBeNull();
    expect(messageFor({ ...good, accessScope: "exchange-rbac", outsideMailbox: "agent@harbor.example" }, "outsideMailbox")).toMatch(/must not be the test mailbox/);
    expect(messageFor({ ...good, accessScope: "exchange-rbac", outsideMailbox: "front desk" }, "outsideMailbox")).toMatch(/correct format/);
    expect(messageFor({ ...good, accessScope: "everyone" as "organization" }, "accessScope")).toBe("Choose which mailboxes the app may reach");
  });

  it("lists every missing answer, in the order of the form, with the field to link to", () => {
    expect(errorsOf({ ...EMPTY_SUBMISSION })).toEqual([
      { field: "tenantId", id: "tenant-id", message: "Enter the Tenant ID" },
      { field: "clientId", id: "client-id", message: "Enter the Client ID" },
      { field: "clientSecret", id: "client-secret", message: "Enter the client secret value" },
      { field: "expiry.day", id: "secret-expiry-day", message: "Enter the date the client secret expires" },
      { field: "testMailbox", id: "test-mailbox", message: "Enter the email address of the test mailbox" },
      { field: "submitterName", id: "submitter-name", message: "Enter your full name" },
      { field: "submitterEmail", id: "submitter-email", message: "Enter your email address" },
    ]);
  });

  it("explains a value that is not a GUID", () => {
    expect(messageFor({ ...good, tenantId: "harbor.example" }, "tenantId")).toBe(
      "Tenant ID must be a GUID, like 00000000-0000-0000-0000-000000000000",
    );
  });

  it("flags a Client ID equal to the Tenant ID, even with other mistakes on the page", () => {
    expect(messageFor({ ...good, clientId: `{${TENANT.toUpperCase()}}`, submitterName: "" }, "clientId")).toBe(
      "Client ID must not be the same as the Tenant ID: copy the Application (client) ID",
    );
  });

  it("tells the administrator that a GUID-shaped secret is the Secret ID, not the Value", () => {
    expect(messageFor({ ...good, clientSecret: "7d3c2b1a-0f9e-4d8c-b7a6-5e4d3c2b1a09" }, "clientSecret")).toBe(SECRET_ID_MESSAGE);
  });

  it("refuses a secret too short, too long or with spaces inside", () => {
    expect(messageFor({ ...good, clientSecret: "abc8Q~Zx" }, "clientSecret")).toMatch(/at least 16 characters/);
    expect(messageFor({ ...good, clientSecret: "a".repeat(65) }, "clientSecret")).toMatch(/64 characters or fewer/);
    expect(messageFor({ ...good, clientSecret: "abc8Q~Zx1yW2 vU3tS4rQ5" }, "clientSecret")).toMatch(/must not contain spaces/);
  });

  it("refuses control and invisible characters", () => {
    expect(messageFor({ ...good, clientSecret: `abc8Q~Zx1yW2\u0000vU3tS4rQ5` }, "clientSecret")).toMatch(/hidden or control characters/);
    expect(messageFor({ ...good, tenantId: `${TENANT}\u200b` }, "tenantId")).toMatch(/hidden or control characters/);
    expect(messageFor({ ...good, submitterName: "Dana\u0007" }, "submitterName")).toMatch(/hidden or control characters/);
  });

  it("refuses long input with the limit in words", () => {
    expect(messageFor({ ...good, submitterName: "x".repeat(101) }, "submitterName")).toBe(
      "Full name must be 100 characters or fewer",
    );
    expect(messageFor({ ...good, testMailbox: `${"a".repeat(250)}@harbor.example` }, "testMailbox")).toBe(
      "Test mailbox must be 254 characters or fewer",
    );
    expect(messageFor({ ...good, submitterPhone: "1".repeat(31) }, "submitterPhone")).toMatch(/30 characters or fewer/);
  });

  it("puts each date mistake on the box to fix", () => {
    const date = (day: string, month: string, year: string) => errorsOf({ ...good, expiry: { day, month, year } })[0];
    expect(date("", "11", "2027")).toMatchObject({ id: "secret-expiry-day", message: "The date the secret expires must include a day" });
    expect(date("26", "", "2027")).toMatchObject({ id: "secret-expiry-month", message: "The date the secret expires must include a month" });
    expect(date("26", "11", "27")).toMatchObject({ id: "secret-expiry-year", message: "Year must include 4 numbers" });
    expect(date("31", "2", "2027")).toMatchObject({ id: "secret-expiry-day", message: "The date the secret expires must be a real date" });
    expect(date("1", "13", "2027")).toMatchObject({ id: "secret-expiry-month", message: "The date the secret expires must be a real date" });
  });

  it("refuses an expiry today or in the past", () => {
    expect(messageFor({ ...good, expiry: { day: "26", month: "11", year: "2026" } }, "expiry.day")).toBe(
      "The date the secret expires must be in the future",
    );
    expect(messageFor({ ...good, expiry: { day: "1", month: "1", year: "2020" } }, "expiry.day")).toBe(
      "The date the secret expires must be in the future",
    );
  });

  it("asks for a real email address", () => {
    expect(messageFor({ ...good, submitterEmail: "it at harbor" }, "submitterEmail")).toBe(
      "Enter an email address in the correct format, like name@example.com",
    );
  });
});

describe("warnings shown before sending", () => {
  const warningsFor = (input: SubmissionInput) => submissionWarnings(input, SubmissionSchema.parse(input));

  it("has none for a good form", () => {
    expect(warningsFor(good)).toEqual([]);
  });

  it("says which surrounding spaces were removed", () => {
    expect(warningsFor({ ...good, clientSecret: ` ${SECRET}\n` }).map((w) => w.message)).toEqual([
      "We removed spaces from the start or end of the client secret value",
    ]);
  });

  it("warns of a secret expiring within 90 days, and of a date beyond 24 months", () => {
    expect(warningsFor({ ...good, expiry: { day: "1", month: "1", year: "2027" } })[0]?.message).toMatch(/expires in 36 days/);
    expect(warningsFor({ ...good, expiry: { day: "1", month: "1", year: "2029" } })[0]?.message).toMatch(/more than 24 months away/);
    expect(warningsFor({ ...good, expiry: { day: "26", month: "11", year: "2028" } })).toEqual([]);
  });

  it("warns of an admin@ or administrator@ test mailbox", () => {
    expect(warningsFor({ ...good, testMailbox: "Administrator@harbor.example" })).toEqual([
      expect.objectContaining({ id: "test-mailbox", message: expect.stringMatching(/administrator@ are often unlicensed/) }),
    ]);
  });
});

describe("form data", () => {
  it("round-trips what the browser posts", () => {
    const form = formDataFromSubmissionInput({ ...good, sendTestMessage: false }, { idempotencyKey: "k" });
    expect(form.get("idempotencyKey")).toBe("k");
    expect(submissionInputFromFormData(form)).toEqual({ ...good, sendTestMessage: false, accessScope: "organization", outsideMailbox: "" });
    const limited = formDataFromSubmissionInput({ ...good, accessScope: "exchange-rbac", outsideMailbox: "frontdesk@harbor.example" }, {});
    expect(submissionInputFromFormData(limited)).toMatchObject({ accessScope: "exchange-rbac", outsideMailbox: "frontdesk@harbor.example" });
  });

  it("reads a missing field as empty, so the schema reports it", () => {
    expect(submissionInputFromFormData(new FormData())).toEqual({ ...EMPTY_SUBMISSION, sendTestMessage: false });
  });
});
