import { branding } from "../branding";

/** The 429 answer to an address that tried too many unusable links: a plain page, no brokerage named. */
export function rateLimitedPage(retryAfterSeconds: number): string {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  const { productName, supportEmail } = branding();
  const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Too many attempts – ${escape(productName)} Microsoft 365 setup</title></head>
<body style="font-family: system-ui, sans-serif; color: #0b0c0c; max-width: 40rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5">
<main><h1>Too many attempts</h1>
<p>Too many links that could not be used were opened from this network. Wait ${minutes} ${minutes === 1 ? "minute" : "minutes"}, then open the link in your invite email again.</p>
<p>If it still does not work, email <a href="mailto:${escape(supportEmail)}">${escape(supportEmail)}</a>.</p></main>
</body></html>`;
}
