/** Audit events in words for the brokerage page's history; plain data, safe anywhere. */
const WORDS: Record<string, string> = {
  "brokerage.created": "Brokerage added",
  "brokerage.updated": "Details changed",
  "invite.created": "Invite link created",
  "invite.resent": "Invite link replaced with a new one",
  "invite.revoked": "Invite link revoked",
  "invite.reminded": "Reminder sent with a new link",
  "invite.opened": "Invite link opened",
};

export function describeEvent(action: string, detail: unknown): string {
  const words = WORDS[action] ?? action;
  const d = (detail ?? {}) as { recipientEmail?: unknown; emailed?: unknown; source?: unknown };
  const parts = [words];
  if (typeof d.recipientEmail === "string") parts.push(`for ${d.recipientEmail}`);
  if (d.emailed === true) parts.push("and emailed");
  if (d.source === "csv") parts.push("(CSV import)");
  return parts.join(" ");
}
