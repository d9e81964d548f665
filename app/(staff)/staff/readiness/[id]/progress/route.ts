import { authorizeStaffRequest } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { readinessBrokerage, readinessProgress } from "@/lib/readiness/view";
import { isGuid } from "@/lib/validation/guid";

// The latest run's progress (null before the first), polled by the page while it runs.
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const authorized = await authorizeStaffRequest(request, ...AREA_ROLES.readiness);
  if ("refusal" in authorized) return authorized.refusal;
  const { id } = await context.params;
  if (!isGuid(id) || !(await readinessBrokerage(id))) return Response.json(null, { status: 404, headers: { "cache-control": "no-store" } });
  return Response.json(await readinessProgress(id), { headers: { "cache-control": "no-store" } });
}
