import type { RunContext } from "../context";
import type { InputField } from "../input";
import { passed, problem, type CheckOutcome } from "../results";

const FIELD_NAMES: Record<InputField, string> = {
  tenantId: "tenant ID",
  clientId: "client ID",
  clientSecret: "secret value",
  testMailbox: "test mailbox address",
  secretExpiresOn: "expiry date",
  outsideMailbox: "outside mailbox address",
};

/** `input`: the values are well-formed (GUIDs, mailbox address, expiry date). */
export async function checkInput(ctx: RunContext): Promise<CheckOutcome> {
  const problems = ctx.inputProblems;
  if (problems.length) {
    return problem("fail", "invalid-input", {
      facts: problems.map((p) => `${p.message}.`).join(" "),
      data: { problems },
    });
  }
  const names = ctx.inputFields.filter((f) => (f !== "secretExpiresOn" || ctx.input.secretExpiresOn) && (f !== "outsideMailbox" || ctx.input.outsideMailbox)).map((f) => FIELD_NAMES[f]);
  const listed = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "");
  return passed("Values are in the right format", `The ${listed} are in the expected format.`);
}
