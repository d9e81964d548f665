import type { IncomingMessage } from "node:http";

/**
 * Where a request came from, for the audit log, rate limits and better-auth: one
 * answer for all of them.
 *
 * Only the custom server (lib/runtime/boot.ts) sees the socket, and server actions
 * see headers only, so the server works the address out once per request from
 * TRUST_PROXY_HOPS and hands it to Next in CLIENT_ADDRESS_HEADER, after dropping any
 * copy the client sent. Everything else reads that header and nothing else.
 */
export const CLIENT_ADDRESS_HEADER = "x-portal-client-address";

export type RequestOrigin = { ip: string | null; userAgent: string | null };

/**
 * With no proxy in front (`hops` 0) the socket's peer is the client and X-Forwarded-For
 * is whatever the client typed. With `hops` proxies each appending the address it saw,
 * the entry `hops` from the right was written by the outermost proxy: the client as
 * that proxy saw it. A request with fewer entries did not pass every proxy, so its peer
 * is the best answer.
 */
export function resolveClientAddress(input: { socketAddress: string | undefined; forwardedFor: string | undefined; hops: number }): string | null {
  const socket = normalise(input.socketAddress);
  if (input.hops <= 0) return socket;
  const entries = (input.forwardedFor ?? "").split(",").map((entry) => entry.trim()).filter(Boolean);
  if (entries.length < input.hops) return socket;
  return normalise(entries[entries.length - input.hops]) ?? socket;
}

/** IPv4 peers arrive as `::ffff:1.2.3.4` on a dual-stack socket; the audit log shows `1.2.3.4`. */
function normalise(address: string | undefined): string | null {
  const value = address?.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/, "$1");
  return value ? value.slice(0, 64) : null;
}

/** The custom server's step before Next sees a request: the one trusted copy of the client address. */
export function stampClientAddress(request: IncomingMessage, hops: number) {
  const forwarded = request.headers["x-forwarded-for"];
  const address = resolveClientAddress({
    socketAddress: request.socket.remoteAddress,
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(",") : forwarded,
    hops,
  });
  delete request.headers[CLIENT_ADDRESS_HEADER];
  if (address) request.headers[CLIENT_ADDRESS_HEADER] = address;
}

/** The client address and user agent of a request that passed the custom server. */
export function requestFacts(headers: Pick<Headers, "get">): RequestOrigin {
  return {
    ip: headers.get(CLIENT_ADDRESS_HEADER)?.trim() || null,
    userAgent: headers.get("user-agent")?.slice(0, 300) ?? null,
  };
}
