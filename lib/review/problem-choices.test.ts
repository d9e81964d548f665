import { describe, expect, it } from "vitest";
import { RequestChangesFormSchema } from "./action-schemas";
import { problemChoices } from "./problem-choices";

const check = (id: string, status: string, reason: string) => ({ id, status, reason, title: id, detail: null, guideAnchor: null });

describe("the CSM's problems to fix", () => {
  it("offers one choice per cause, named by its guide step, that sends every check of that cause", () => {
    const choices = problemChoices(
      [
        check("calendar.read", "fail", "mailbox-not-enabled"),
        check("contacts.read", "fail", "mailbox-not-enabled"),
        check("mail.send", "fail", "mailbox-not-enabled"),
        check("permissions", "warn", "permission-excess"),
      ],
      (id) => `label of ${id}`,
    );
    expect(choices.map((c) => [c.title, c.guideLabel, c.checkIds])).toEqual([
      ["The test mailbox cannot be used by apps", "Step 7: Choose a test mailbox", ["calendar.read", "contacts.read", "mail.send"]],
      ["The app has more permissions than the sync needs", "Step 3: Add the three permissions", ["permissions"]],
    ]);
    const form = RequestChangesFormSchema.parse({ attemptId: "0b9a3c1e-1f2d-4c5b-9a8e-7d6c5b4a3f21", [`fix-${choices[0]!.checkIds.join("+")}`]: "yes" });
    expect(form.checkIds).toEqual(["calendar.read", "contacts.read", "mail.send"]);
  });
});
