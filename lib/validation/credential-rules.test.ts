import { describe, expect, it } from "vitest";
import { inputProblems, normaliseInput } from "../verification/input";
import { guidProblem, isIsoDate, looksLikeSecretId, mailboxProblem, SECRET_VALUE_LENGTH, secretValueProblem } from "./credential-rules";
import { CredentialsSchema, SubmissionSchema, type SubmissionInput } from "./submission";

const TENANT = "72218fdc-44df-46ff-a854-14242f733b05";
const CLIENT = "61b2480c-55d8-4e8d-8046-0d692ed65411";
const SECRET = "ujz0Q~jmUh-Bel31iEl2hpChYgCfrL1spNxnyVmi";

describe("credential rules", () => {
  it("hold a secret value to 16-64 characters without spaces", () => {
    expect(SECRET_VALUE_LENGTH).toEqual({ min: 16, max: 64 });
    expect(secretValueProblem(SECRET)).toBeNull();
    expect(secretValueProblem("")).toBe("empty");
    expect(secretValueProblem("a".repeat(15))).toBe("too-short");
    expect(secretValueProblem("a".repeat(16))).toBeNull();
    expect(secretValueProblem("a".repeat(64))).toBeNull();
    expect(secretValueProblem("a".repeat(65))).toBe("too-long");
    expect(secretValueProblem(`${SECRET} 80b5244a-4767-41fa-b982-3eb21579da0a`)).toBe("spaces");
  });

  it("know GUIDs, the Secret ID, mailboxes and real dates", () => {
    expect(guidProblem(TENANT)).toBeNull();
    expect(guidProblem("")).toBe("empty");
    expect(guidProblem("harbor.example")).toBe("not-guid");
    expect(looksLikeSecretId(" 80B5244A-4767-41FA-B982-3EB21579DA0A ")).toBe(true);
    expect(looksLikeSecretId(SECRET)).toBe(false);
    expect(mailboxProblem("agent@harbor.example")).toBeNull();
    expect(mailboxProblem("agent")).toBe("not-address");
    expect(mailboxProblem(`${"a".repeat(250)}@harbor.example`)).toBe("too-long");
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
  });
});

/** The form and the run's `input` check accept and refuse the same values. */
describe("the form and the input check agree", () => {
  const formAccepts = (values: { tenantId: string; clientId: string; clientSecret: string }) => CredentialsSchema.safeParse(values).success;
  const inputAccepts = (values: { tenantId: string; clientId: string; clientSecret: string }) =>
    inputProblems(normaliseInput(values), ["tenantId", "clientId", "clientSecret"]).length === 0;

  const cases: Array<[string, { tenantId?: string; clientId?: string; clientSecret?: string }, boolean]> = [
    ["good values", {}, true],
    ["pasted with braces, capitals and spaces", { tenantId: ` {${TENANT.toUpperCase()}} `, clientSecret: ` ${SECRET}\n` }, true],
    ["an empty tenant ID", { tenantId: "" }, false],
    ["a domain for a GUID", { clientId: "harbor.example" }, false],
    ["a short GUID", { tenantId: "72218fdc-44df" }, false],
    ["an empty secret", { clientSecret: "" }, false],
    ["a secret of 15 characters", { clientSecret: "a".repeat(15) }, false],
    ["a secret of 16 characters", { clientSecret: "a".repeat(16) }, true],
    ["a secret of 64 characters", { clientSecret: "a".repeat(64) }, true],
    ["a secret of 65 characters", { clientSecret: "a".repeat(65) }, false],
    ["a secret of 256 characters", { clientSecret: "a".repeat(256) }, false],
    ["both columns pasted together", { clientSecret: `${SECRET}   80b5244a-4767-41fa-b982-3eb21579da0a` }, false],
  ];

  it.each(cases)("on %s", (_name, overrides, accepted) => {
    const values = { tenantId: TENANT, clientId: CLIENT, clientSecret: SECRET, ...overrides };
    expect(formAccepts(values)).toBe(accepted);
    expect(inputAccepts(values)).toBe(accepted);
  });

  it("on the test mailbox", () => {
    const form = (testMailbox: string) =>
      SubmissionSchema.safeParse({
        tenantId: TENANT,
        clientId: CLIENT,
        clientSecret: SECRET,
        expiry: { day: "1", month: "1", year: "2099" },
        testMailbox,
        sendTestMessage: true,
        submitterName: "Dana Whitfield",
        submitterEmail: "it@harbor.example",
        submitterPhone: "",
      } satisfies SubmissionInput).success;
    const input = (testMailbox: string) => inputProblems(normaliseInput({ testMailbox }), ["testMailbox"]).length === 0;
    for (const [mailbox, accepted] of [
      ["agent@harbor.example", true],
      [" Agent@Harbor.Example ", true],
      ["agent", false],
      ["agent@harbor", false],
      ["", false],
      [`${"a".repeat(250)}@harbor.example`, false],
    ] as const) {
      expect([mailbox, form(mailbox)]).toEqual([mailbox, accepted]);
      expect([mailbox, input(mailbox)]).toEqual([mailbox, accepted]);
    }
  });

  it("except that the form stops a pasted Secret ID, which the run's token check names instead", () => {
    const values = { tenantId: TENANT, clientId: CLIENT, clientSecret: "80b5244a-4767-41fa-b982-3eb21579da0a" };
    expect(formAccepts(values)).toBe(false);
    expect(inputAccepts(values)).toBe(true);
  });
});
