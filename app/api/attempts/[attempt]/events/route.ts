import type { NextRequest } from "next/server";
import { getBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { getAttemptForBrokerage } from "@/lib/submissions/queries";
import { statusEventStream, TooManyStreamsError } from "@/lib/submissions/status-stream";

export const dynamic = "force-dynamic";

const noStore = { "Cache-Control": "no-store" };

/**
 * Live results of one attempt, for its own brokerage only; any other gets a 404. While
 * the database is unreachable it answers 503 at once, and the page retries with back-off.
 */
export async function GET(request: NextRequest, { params }: { params: Promise<{ attempt: string }> }) {
  const { attempt: attemptId } = await params;
  try {
    const session = await getBrokerageSession();
    const attempt = session ? await getAttemptForBrokerage(session.brokerageId, attemptId) : null;
    if (!session || !attempt) return new Response("Not found", { status: 404, headers: noStore });
    return new Response(statusEventStream(session, attempt.id, request.signal), {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        "Cache-Control": "no-store, no-transform",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (error) {
    if (error instanceof TooManyStreamsError) {
      return new Response("Too many open status pages", { status: 429, headers: { ...noStore, "Retry-After": "30" } });
    }
    if (isDatabaseUnavailable(error)) {
      return new Response("Temporarily unavailable", { status: 503, headers: { ...noStore, "Retry-After": "5" } });
    }
    throw error;
  }
}
