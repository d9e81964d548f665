import type { Branding } from "../branding";
import { formatDate } from "../format/dates";
import { escapeHtml } from "./format";

/**
 * The onboarding team's two messages, each as plain text and HTML with the same
 * words. Values are escaped into the HTML; nothing else is interpolated.
 */

export type RenderedEmail = { subject: string; text: string; html: string };

type InviteFacts = {
  brokerageName: string;
  recipientName: string | null;
  url: string;
  expiresAt: Date;
  guideUrl: string;
};

export type ReminderFacts = InviteFacts & {
  firstSentAt: Date;
  /** Whether the earlier link was opened (so the form was started, not submitted). */
  opened: boolean;
};

function layout(brand: Branding, title: string, paragraphs: string[], button: { label: string; url: string }, after: string[]): string {
  const p = (html: string) => `<p style="margin:0 0 16px;font-size:16px;line-height:1.5">${html}</p>`;
  return [
    "<!doctype html>",
    `<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(title)}</title></head>`,
    '<body style="margin:0;padding:0;background:#f3f2f1;font-family:Arial,Helvetica,sans-serif;color:#0b0c0c">',
    '<div style="max-width:600px;margin:0 auto;background:#ffffff">',
    `<div style="background:#123a75;border-bottom:8px solid #1d5fbf;padding:16px 24px;color:#ffffff;font-size:20px;font-weight:bold">${escapeHtml(brand.productName)} Microsoft 365 setup</div>`,
    '<div style="padding:24px">',
    ...paragraphs.map(p),
    `<p style="margin:24px 0"><a href="${escapeHtml(button.url)}" style="display:inline-block;background:#174c99;color:#ffffff;padding:12px 20px;font-size:18px;font-weight:bold;text-decoration:none;border-radius:4px">${escapeHtml(button.label)}</a></p>`,
    p(`If the button does not work, copy this address into your browser:<br><span style="word-break:break-all">${escapeHtml(button.url)}</span>`),
    ...after.map(p),
    "</div></div></body></html>",
  ].join("\n");
}

const greeting = (name: string | null) => `Hello ${name || "there"},`;

export function inviteEmail(brand: Branding, facts: InviteFacts): RenderedEmail {
  const subject = `Connect ${facts.brokerageName}'s Microsoft 365 to ${brand.productName}`;
  const intro = `${brand.vendorName} has invited you to connect ${facts.brokerageName}'s Microsoft 365 to ${brand.productName}, so each agent's contacts, calendar and email stay in step.`;
  const how = `Your link opens a secure form for the details of the app registration you create. It works until ${formatDate(facts.expiresAt)}. The setup guide explains every step first: ${facts.guideUrl}`;
  const keep = "The link is meant for you alone: do not forward it.";
  const contact = `Questions? Write to ${brand.supportEmail}.`;
  const text = [greeting(facts.recipientName), "", intro, "", "Open your setup link:", facts.url, "", how, "", keep, "", contact, "", brand.vendorName, ""].join("\n");
  const html = layout(
    brand,
    subject,
    [escapeHtml(greeting(facts.recipientName)), escapeHtml(intro)],
    { label: "Open your setup link", url: facts.url },
    [
      `Your link opens a secure form for the details of the app registration you create. It works until <strong>${escapeHtml(formatDate(facts.expiresAt))}</strong>. The <a href="${escapeHtml(facts.guideUrl)}">setup guide</a> explains every step first.`,
      escapeHtml(keep),
      `Questions? Write to <a href="mailto:${escapeHtml(brand.supportEmail)}">${escapeHtml(brand.supportEmail)}</a>.`,
      escapeHtml(brand.vendorName),
    ],
  );
  return { subject, text, html };
}

export function reminderEmail(brand: Branding, facts: ReminderFacts): RenderedEmail {
  const subject = `Reminder: connect ${facts.brokerageName}'s Microsoft 365 to ${brand.productName}`;
  const where = facts.opened
    ? `On ${formatDate(facts.firstSentAt)} we sent you a link to connect ${facts.brokerageName}'s Microsoft 365 to ${brand.productName}. You opened it, but the details have not been submitted yet.`
    : `On ${formatDate(facts.firstSentAt)} we sent you a link to connect ${facts.brokerageName}'s Microsoft 365 to ${brand.productName}. It has not been opened yet.`;
  const replaced = `Here is a new link; the earlier one no longer works. It works until ${formatDate(facts.expiresAt)}.`;
  const contact = `If someone else looks after your Microsoft 365, or you have questions, write to ${brand.supportEmail}.`;
  const text = [greeting(facts.recipientName), "", where, "", replaced, "", "Open your setup link:", facts.url, "", `Setup guide: ${facts.guideUrl}`, "", contact, "", brand.vendorName, ""].join("\n");
  const html = layout(
    brand,
    subject,
    [escapeHtml(greeting(facts.recipientName)), escapeHtml(where), escapeHtml(replaced)],
    { label: "Open your setup link", url: facts.url },
    [
      `The <a href="${escapeHtml(facts.guideUrl)}">setup guide</a> explains every step.`,
      `If someone else looks after your Microsoft 365, or you have questions, write to <a href="mailto:${escapeHtml(brand.supportEmail)}">${escapeHtml(brand.supportEmail)}</a>.`,
      escapeHtml(brand.vendorName),
    ],
  );
  return { subject, text, html };
}
