import { handleBrokerageRequest } from "@/lib/handoff/credentials-api";

// A brokerage's stage and active credential details (no secret), with a `brokerages:read` key.
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return handleBrokerageRequest(request, (await context.params).id);
}
