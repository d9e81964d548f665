import { env } from "../env";
import { renderHtml } from "../email/html";

type Problem = { title: string; detail: string | null };

const detailUrl = (attemptId: string) => `${env().APP_URL}/staff/submissions/${attemptId}`;

/** To the CSM: approved credentials stopped working (secret revoked, consent removed, mailbox gone...). */
export function regressionEmail(input: { brokerage: string; attemptId: string; attemptNumber: number; problems: Problem[] }) {
  const problems = input.problems.map((p) => `${p.title}${p.detail ? `: ${p.detail}` : ""}`);
  const subject = `Approved credentials stopped working: ${input.brokerage}`;
  const intro = `The scheduled re-verification of ${input.brokerage}'s approved credentials (attempt ${input.attemptNumber}) failed; the previous run passed. The sync is likely failing for this brokerage.`;
  const open = "Open the submission to see every check, ask the administrator for changes or revoke the credentials:";
  return {
    subject,
    text: [intro, "What failed:", ...problems.map((p) => `- ${p}`), open, detailUrl(input.attemptId)].join("\n\n"),
    html: renderHtml([{ p: intro }, { p: "What failed:" }, { list: problems }, { p: open }, { link: { href: detailUrl(input.attemptId), text: "Open the submission" } }]),
  };
}

/** To the CSM: credentials that had regressed pass again. */
export function recoveryEmail(input: { brokerage: string; attemptId: string; attemptNumber: number }) {
  const subject = `Approved credentials work again: ${input.brokerage}`;
  const intro = `${input.brokerage}'s approved credentials (attempt ${input.attemptNumber}) pass every check again.`;
  return {
    subject,
    text: [intro, detailUrl(input.attemptId)].join("\n\n"),
    html: renderHtml([{ p: intro }, { link: { href: detailUrl(input.attemptId), text: "Open the submission" } }]),
  };
}
