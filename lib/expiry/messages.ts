import type { CredentialMethodName } from "../validation/credential-method";
import { branding } from "../branding";
import { env } from "../env";
import { renderHtml } from "../email/html";

type Facts = { brokerage: string; expiresOn: string; daysLeft: number; method?: CredentialMethodName };

const word = (f: Facts) => (f.method === "certificate" ? "certificate" : "client secret");

function when(f: Facts) {
  if (f.daysLeft < 0) return `expired on ${f.expiresOn}`;
  if (f.daysLeft === 0) return `expires today (${f.expiresOn})`;
  return `expires on ${f.expiresOn}, in ${f.daysLeft} day${f.daysLeft === 1 ? "" : "s"}`;
}

/**
 * To the brokerage's administrator: the link opens the rotation page, where they add the
 * next credential beside the old one (a certificate the portal made, or a new secret);
 * the old one keeps working until the new one passes its checks.
 */
export function administratorExpiryEmail(f: Facts & { name: string; link: string; linkExpiresAt: Date }) {
  const { productName, supportEmail } = branding();
  const expired = f.daysLeft < 0;
  const subject = expired
    ? `Your ${productName} Microsoft 365 ${word(f)} has expired`
    : `Your ${productName} Microsoft 365 ${word(f)} ${f.daysLeft === 0 ? "expires today" : `expires in ${f.daysLeft} days`}`;
  const lines = [
    `Hello ${f.name},`,
    `The ${word(f)} that connects ${f.brokerage}'s Microsoft 365 to ${productName} ${when(f)}.${expired ? ` ${productName} can no longer sync contacts, calendars or email for your agents.` : ` When it expires, ${productName} stops syncing contacts, calendars and email.`}`,
    f.method === "certificate"
      ? `We have made the next certificate. Open this link to download it, upload it to the same app registration beside the current one (Certificates & secrets → Certificates) and tell us; we check it while the current one keeps working (the link works until ${f.linkExpiresAt.toISOString().slice(0, 10)}):`
      : `In the Microsoft Entra admin center, add a new client secret to the same app registration (Certificates & secrets) and keep the current one; then paste the new value on the page this link opens, and we check it while the current one keeps working (the link works until ${f.linkExpiresAt.toISOString().slice(0, 10)}):`,
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
      { link: { href: f.link, text: f.method === "certificate" ? "Open the rotation page" : "Send the new secret" } },
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
    `The approved ${word(f)} of ${f.brokerage} ${when(f)}.`,
    `Its administrator (${f.administratorEmail}) has been sent a link to the rotation page. The new one is handed off by itself once it passes every check; you are told if it fails or stalls.`,
    url,
  ];
  return {
    subject,
    text: lines.join("\n\n"),
    html: renderHtml([{ p: lines[0]! }, { p: lines[1]! }, { link: { href: url, text: "Open the submission" } }]),
  };
}
