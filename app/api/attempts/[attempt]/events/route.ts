import type { NextRequest } from "next/server";
import { getBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { getAttemptForBrokerage } from "@/lib/submissions/queries";
import { statusEventStream } from "@/lib/submissions/status-stream";

export const dynamic = "force-dynamic";

/** Live results of one attempt, for its own brokerage only; any other gets a 404. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ attempt: string }> }) {
  const { attempt: attemptId } = await params;
  const session = await getBrokerageSession();
  const attempt = session ? await getAttemptForBrokerage(session.brokerageId, attemptId) : null;
  if (!session || !attempt) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });

  return new Response(statusEventStream(session.brokerageId, attempt.id, request.signal), {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-store, no-transform",
      "X-Accel-Buffering": "no",
    },
  });
}
