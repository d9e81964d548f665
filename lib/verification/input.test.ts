import { describe, expect, it } from "vitest";
import { isIsoDate, looksLikeSecretId } from "../validation/credential-rules";
import { inputProblems, normaliseInput, type InputField } from "./input";

const ALL: InputField[] = ["tenantId", "clientId", "clientSecret", "testMailbox", "secretExpiresOn"];
const good = {
  tenantId: "72218fdc-44df-46ff-a854-14242f733b05",
  clientId: "61b2480c-55d8-4e8d-8046-0d692ed65411",
  clientSecret: "ujz0Q~jmUh-Bel31iEl2hpChYgCfrL1spNxnyVmi",
  testMailbox: "agent@harbor.example",
  secretExpiresOn: "2027-03-31",
};

const problems = (input: Partial<typeof good>, fields = ALL) => inputProblems(normaliseInput({ ...good, ...input }), fields);

describe("input", () => {
  it("accepts well-formed values", () => {
    expect(problems({})).toEqual([]);
  });

  it("drops harmless spaces, braces and capitals instead of complaining", () => {
    const v = normaliseInput({ ...good, tenantId: " {72218FDC-44DF-46FF-A854-14242F733B05} ", clientSecret: ` ${good.clientSecret}\n`, testMailbox: " agent@harbor.example " });
    expect(v.tenantId).toBe(good.tenantId);
    expect(v.clientSecret).toBe(good.clientSecret);
    expect(v.testMailbox).toBe("agent@harbor.example");
    expect(inputProblems(v, ALL)).toEqual([]);
  });

  it("says what is wrong with each field, in the house style", () => {
    expect(problems({ tenantId: "", clientId: "61b2480c", clientSecret: "", testMailbox: "agent", secretExpiresOn: "2027-02-30" })).toEqual([
      { field: "tenantId", message: "Enter the tenant ID" },
      { field: "clientId", message: "Application (client) ID must be a GUID, like 00000000-0000-0000-0000-000000000000" },
      { field: "clientSecret", message: "Enter the client secret value" },
      { field: "testMailbox", message: "Enter an email address in the correct format, like name@example.com" },
      { field: "secretExpiresOn", message: "Secret expiry must be a real date, like 2027-03-31" },
    ]);
  });

  it("spots both columns of the secrets table pasted together", () => {
    expect(problems({ clientSecret: `${good.clientSecret}   80b5244a-4767-41fa-b982-3eb21579da0a` })[0]?.field).toBe("clientSecret");
  });

  it("checks only the fields asked for", () => {
    expect(problems({ testMailbox: "" }, ["tenantId", "clientId", "clientSecret"])).toEqual([]);
  });

  it("treats the expiry date as optional", () => {
    expect(problems({ secretExpiresOn: undefined })).toEqual([]);
    expect(normaliseInput({ ...good, secretExpiresOn: "  " }).secretExpiresOn).toBeUndefined();
  });

  it("knows real dates and the Secret ID's shape", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("31/03/2027")).toBe(false);
    expect(looksLikeSecretId("80b5244a-4767-41fa-b982-3eb21579da0a")).toBe(true);
    expect(looksLikeSecretId(good.clientSecret)).toBe(false);
  });
});
