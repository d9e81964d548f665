import { handleAgentsGet, handleAgentsPut } from "@/lib/handoff/agents-api";

// The sync service sends the brokerage's agent list (`agents:write`) and reads which mailboxes are ready.
export async function PUT(request: Request, context: { params: Promise<{ id: string }> }) {
  return handleAgentsPut(request, (await context.params).id);
}

export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return handleAgentsGet(request, (await context.params).id);
}
