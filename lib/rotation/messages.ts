import type { CredentialMethodName } from "../validation/credential-method";
import { branding } from "../branding";
import { renderHtml } from "../email/html";
import { env } from "../env";
import { formatDate } from "../format/dates";

type Method = CredentialMethodName;
type Problem = { title: string; detail: string | null };

const detailUrl = (attemptId: string) => `${env().APP_URL}/staff/submissions/${attemptId}`;
const credentialWord = (method: Method) => (method === "certificate" ? "certificate" : "client secret");

/** To the administrator: the new credential is in service, and from when the old one may be deleted. */
export function rotationCompletedEmail(f: { brokerage: string; name: string; method: Method; oldDeletableAfter: Date; oldCredential: string }) {
  const { productName, supportEmail } = branding();
  const word = credentialWord(f.method);
  const lines = [
    `Hello ${f.name},`,
    `The new ${word} for ${f.brokerage} passed every check, and ${productName} now syncs with it.`,
    `Keep the old one until ${formatDate(f.oldDeletableAfter)}, so nothing stops while the sync switches over. From then on you may delete ${f.oldCredential} from the app registration (Certificates & secrets).`,
    `Questions? Write to ${supportEmail}.`,
  ];
  return {
    subject: `Your new ${productName} ${word} is in use`,
    text: lines.join("\n\n"),
    html: renderHtml(lines.map((p) => ({ p }))),
  };
}

/** To the CSM: the next credential failed its checks; the old one is still in service. */
export function rotationFailedEmail(f: { brokerage: string; attemptId: string; method: Method; problems: Problem[]; expiresOn: string | null }) {
  const word = credentialWord(f.method);
  const problems = f.problems.map((p) => `${p.title}${p.detail ? `: ${p.detail}` : ""}`);
  const intro = `The new ${word} that ${f.brokerage}'s administrator sent for the rotation failed its checks. The old one stays in service${f.expiresOn ? ` until it expires on ${f.expiresOn}` : ""}; the administrator sees the same results and can send it again.`;
  return {
    subject: `Rotation failed: ${f.brokerage}`,
    text: [intro, "What failed:", ...problems.map((p) => `- ${p}`), detailUrl(f.attemptId)].join("\n\n"),
    html: renderHtml([{ p: intro }, { p: "What failed:" }, { list: problems }, { link: { href: detailUrl(f.attemptId), text: "Open the submission" } }]),
  };
}

/** To the CSM: a rotation has waited too long for the administrator. */
export function rotationStalledEmail(f: { brokerage: string; attemptId: string; method: Method; openedAt: Date; expiresOn: string; status: string; administratorEmail: string }) {
  const word = credentialWord(f.method);
  const intro = `The rotation of ${f.brokerage}'s ${word}, opened on ${formatDate(f.openedAt)}, has not finished (${f.status}). The active ${word} expires on ${f.expiresOn}; the sync stops then.`;
  const ask = `Its administrator (${f.administratorEmail}) has the link to the rotation page; a call may help.`;
  return {
    subject: `Rotation stalled: ${f.brokerage}`,
    text: [intro, ask, detailUrl(f.attemptId)].join("\n\n"),
    html: renderHtml([{ p: intro }, { p: ask }, { link: { href: detailUrl(f.attemptId), text: "Open the submission" } }]),
  };
}
