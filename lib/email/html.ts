import { escapeHtml } from "./format";

/** A plain HTML email body: paragraphs of escaped text, a list, and links. */
export type HtmlBlock = { p: string } | { list: string[] } | { link: { href: string; text: string } };

export function renderHtml(blocks: HtmlBlock[]): string {
  const body = blocks
    .map((b) => {
      if ("p" in b) return `<p>${escapeHtml(b.p)}</p>`;
      if ("list" in b) return `<ul>${b.list.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`;
      return `<p><a href="${escapeHtml(b.link.href)}">${escapeHtml(b.link.text)}</a></p>`;
    })
    .join("\n");
  return `<!doctype html><html><body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5">${body}</body></html>`;
}
