import "server-only";
import { headers } from "next/headers";
import { clientIp } from "./client-ip";
import { isSameOrigin } from "./same-origin";

export type RequestContext = { ip: string; userAgent: string | null; sameOrigin: boolean };

/** Where the current request came from, for server actions. */
export async function requestContext(): Promise<RequestContext> {
  const h = await headers();
  return { ip: clientIp(h), userAgent: h.get("user-agent")?.slice(0, 300) ?? null, sameOrigin: isSameOrigin(h) };
}
