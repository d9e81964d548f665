import "server-only";
import { cookies } from "next/headers";
import { notFound } from "next/navigation";
import { BROKERAGE_SESSION_COOKIE, readBrokerageSession, type BrokerageSession } from "./brokerage-session";

/** For brokerage pages and actions: the caller's session, or a 404 that reveals nothing. */
export async function requireBrokerageSession(): Promise<BrokerageSession> {
  const session = await readBrokerageSession((await cookies()).get(BROKERAGE_SESSION_COOKIE)?.value);
  if (!session) notFound();
  return session;
}

export async function getBrokerageSession(): Promise<BrokerageSession | null> {
  return readBrokerageSession((await cookies()).get(BROKERAGE_SESSION_COOKIE)?.value);
}
