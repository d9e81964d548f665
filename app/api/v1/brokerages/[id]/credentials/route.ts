import { handleCredentialsRequest } from "@/lib/handoff/credentials-api";

// The sync service pulls approved credentials with a `credentials:read` API key.
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  return handleCredentialsRequest(request, (await context.params).id);
}
