import { branding } from "../../branding";
import { testItemName } from "../test-items";

/**
 * The Google shapes of the test items (lib/verification/test-items.ts names them): an event
 * with no guests, no reminder, shown as free; a contact; a message from the user to itself.
 */

const explanation = () => {
  const { productName, vendorName } = branding();
  return `${vendorName} created this item while checking that ${productName} can sync with this account. It is deleted straight away; if you can see it, you can delete it.`;
};

export function googleTestEvent(now: Date) {
  const start = new Date(now.getTime() + 86_400_000);
  start.setUTCSeconds(0, 0);
  const end = new Date(start.getTime() + 15 * 60_000);
  return {
    summary: testItemName(),
    description: explanation(),
    start: { dateTime: start.toISOString(), timeZone: "UTC" },
    end: { dateTime: end.toISOString(), timeZone: "UTC" },
    attendees: [],
    reminders: { useDefault: false, overrides: [] },
    transparency: "transparent",
    visibility: "private",
  };
}

export function googleTestContact() {
  return {
    names: [{ givenName: branding().productName, familyName: "Connection test" }],
    biographies: [{ value: explanation(), contentType: "TEXT_PLAIN" }],
  };
}

/** RFC 5322 message, base64url as Gmail's `raw` takes it. */
export function googleTestMessage(user: string): string {
  const { productName, vendorName } = branding();
  const lines = [
    `From: ${user}`,
    `To: ${user}`,
    `Subject: ${productName} connection test: you can delete this message`,
    "MIME-Version: 1.0",
    'Content-Type: text/plain; charset="UTF-8"',
    "",
    `${vendorName} sent this message from ${user} to itself while checking that ${productName} can send email as your agents. No action is needed.`,
  ];
  return Buffer.from(lines.join("\r\n"), "utf8").toString("base64url");
}
