import { authorizeStaffRequest } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { isGuid } from "@/lib/validation/guid";
import { buildRunReport } from "@/lib/review/report";

// A run as a redacted JSON report, to attach to a Microsoft support ticket.
export async function GET(request: Request, context: { params: Promise<{ attempt: string; run: string }> }) {
  const authorized = await authorizeStaffRequest(request, ...AREA_ROLES.review);
  if ("refusal" in authorized) return authorized.refusal;
  const { attempt, run } = await context.params;
  const built = isGuid(attempt) && isGuid(run) ? await buildRunReport(run) : null;
  if (!built || built.attemptId !== attempt) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  return new Response(`${JSON.stringify(built.report, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${built.fileName}"`,
      "cache-control": "no-store",
    },
  });
}
