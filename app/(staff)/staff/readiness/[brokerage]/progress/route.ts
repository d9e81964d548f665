import { authorizeStaffRequest } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { readinessProgress } from "@/lib/readiness/view";
import { isGuid } from "@/lib/validation/guid";

// The latest run's progress, polled by the page while it runs.
export async function GET(request: Request, context: { params: Promise<{ brokerage: string }> }) {
  const authorized = await authorizeStaffRequest(request, ...AREA_ROLES.readiness);
  if ("refusal" in authorized) return authorized.refusal;
  const { brokerage } = await context.params;
  const progress = isGuid(brokerage) ? await readinessProgress(brokerage) : null;
  return Response.json(progress, { status: progress ? 200 : 404, headers: { "cache-control": "no-store" } });
}
