import { branding } from "../branding";
import { env } from "../env";
import { renderHtml } from "../email/html";

type Facts = { brokerage: string; expiresOn: string; daysLeft: number };

function when(f: Facts) {
  if (f.daysLeft < 0) return `expired on ${f.expiresOn}`;
  if (f.daysLeft === 0) return `expires today (${f.expiresOn})`;
  return `expires on ${f.expiresOn}, in ${f.daysLeft} day${f.daysLeft === 1 ? "" : "s"}`;
}

/** To the brokerage's administrator: make a new secret and submit it with the link. */
export function administratorExpiryEmail(f: Facts & { name: string; link: string; linkExpiresAt: Date }) {
  const { productName, supportEmail } = branding();
  const expired = f.daysLeft < 0;
  const subject = expired
    ? `Your ${productName} Microsoft 365 client secret has expired`
    : `Your ${productName} Microsoft 365 client secret ${f.daysLeft === 0 ? "expires today" : `expires in ${f.daysLeft} days`}`;
  const lines = [
    `Hello ${f.name},`,
    `The client secret that connects ${f.brokerage}'s Microsoft 365 to ${productName} ${when(f)}.${expired ? ` ${productName} can no longer sync contacts, calendars or email for your agents.` : ` When it expires, ${productName} stops syncing contacts, calendars and email.`}`,
    `In the Microsoft Entra admin center, add a new client secret to the same app registration (Certificates & secrets), then submit its value with this link (it works until ${f.linkExpiresAt.toISOString().slice(0, 10)}):`,
    f.link,
    `The setup guide shows each step: ${env().APP_URL}/guide`,
    `Questions? Write to ${supportEmail}.`,
  ];
  return {
    subject,
    text: lines.join("\n\n"),
    html: renderHtml([
      { p: lines[0]! },
      { p: lines[1]! },
      { p: lines[2]! },
      { link: { href: f.link, text: "Submit the new secret" } },
      { link: { href: `${env().APP_URL}/guide`, text: "Open the setup guide" } },
      { p: lines[5]! },
    ]),
  };
}

/** To the CSM: which brokerage, when, and that its administrator was told. */
export function csmExpiryEmail(f: Facts & { attemptId: string; administratorEmail: string }) {
  const url = `${env().APP_URL}/staff/submissions/${f.attemptId}`;
  const subject = f.daysLeft < 0 ? `Credentials expired: ${f.brokerage}` : `Credentials expire in ${f.daysLeft} days: ${f.brokerage}`;
  const lines = [
    `The approved client secret of ${f.brokerage} ${when(f)}.`,
    `Its administrator (${f.administratorEmail}) has been sent a link to submit a new one; approve it when it arrives.`,
    url,
  ];
  return {
    subject,
    text: lines.join("\n\n"),
    html: renderHtml([{ p: lines[0]! }, { p: lines[1]! }, { link: { href: url, text: "Open the submission" } }]),
  };
}
