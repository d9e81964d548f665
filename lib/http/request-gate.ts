import type { IncomingHttpHeaders } from "node:http";

/**
 * Requests Next.js would refuse with a 500 before the portal's own checks run, answered
 * here with the 4xx they deserve (and kept out of the error monitoring): a form post
 * from another site, a body declared over Next's 1 MB limit for server actions, and a
 * multipart body without its boundary. API routes answer for themselves. (A chunked
 * body over the limit, or a multipart body with a boundary but broken inside, is read
 * by Next itself and still answered 500.)
 */

/** Next's default `serverActions.bodySizeLimit`. */
export const BODY_LIMIT_BYTES = 1024 * 1024;

export type Refusal = { status: 400 | 403 | 413; message: string };

export function refusalOf(request: { method?: string; url?: string; headers: IncomingHttpHeaders }): Refusal | null {
  const method = (request.method ?? "GET").toUpperCase();
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  if ((request.url ?? "/").startsWith("/api/")) return null;
  const { headers } = request;

  const origin = headers.origin;
  // Next compares the Origin's host with the Host (or X-Forwarded-Host) header: match it.
  const host = String(headers["x-forwarded-host"] ?? headers.host ?? "").split(",")[0]!.trim();
  if (origin && origin !== "null" && hostOf(origin) !== host) {
    return { status: 403, message: "This form can only be sent from the portal's own pages." };
  }
  if (origin === "null") return { status: 403, message: "This form can only be sent from the portal's own pages." };

  const length = Number(headers["content-length"] ?? 0);
  if (Number.isFinite(length) && length > BODY_LIMIT_BYTES) {
    return { status: 413, message: "What was sent is larger than 1 MB, more than any form here takes." };
  }

  const type = String(headers["content-type"] ?? "");
  if (/^multipart\/form-data/i.test(type) && !/;\s*boundary=("[^"]+"|[^;\s]+)/i.test(type)) {
    return { status: 400, message: "The form could not be read. Reload the page and send it again." };
  }
  return null;
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

