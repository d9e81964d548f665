import { branding } from "../branding";

/**
 * The items the write checks create (and delete at once) and the test message:
 * named after the product so anyone who sees one knows what it is.
 */

export const testItemName = () => `${branding().productName} connection test`;

const explanation = () => {
  const { productName, vendorName } = branding();
  return `${vendorName} created this item while checking that ${productName} can sync with this mailbox. It is deleted straight away; if you can see it, you can delete it.`;
};

/** No attendees (nobody is invited), no reminder, shown as free, tomorrow for a quarter of an hour. */
export function testEvent(now: Date) {
  const start = new Date(now.getTime() + 86_400_000);
  start.setUTCSeconds(0, 0);
  const end = new Date(start.getTime() + 15 * 60_000);
  const dateTime = (d: Date) => d.toISOString().slice(0, 19);
  return {
    subject: testItemName(),
    body: { contentType: "text", content: explanation() },
    start: { dateTime: dateTime(start), timeZone: "UTC" },
    end: { dateTime: dateTime(end), timeZone: "UTC" },
    attendees: [],
    isReminderOn: false,
    showAs: "free",
    responseRequested: false,
    allowNewTimeProposals: false,
  };
}

export function testContact() {
  return {
    givenName: branding().productName,
    surname: "Connection test",
    personalNotes: explanation(),
  };
}

/** A message from the mailbox to itself, not kept in Sent Items. */
export function testMessage(mailbox: string) {
  const { productName, vendorName } = branding();
  return {
    message: {
      subject: `${productName} connection test: you can delete this message`,
      body: {
        contentType: "text",
        content: `${vendorName} sent this message from ${mailbox} to itself while checking that ${productName} can send email as your agents. No action is needed.`,
      },
      toRecipients: [{ emailAddress: { address: mailbox } }],
    },
    saveToSentItems: false,
  };
}
