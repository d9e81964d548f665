import { authorizeStaffRequest } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { agentsCsv } from "@/lib/readiness/export";
import { readinessBrokerage } from "@/lib/readiness/view";
import { readinessFilter } from "@/lib/readiness/filter";
import { isGuid } from "@/lib/validation/guid";

// The agents the page's filter shows, as a CSV file.
export async function GET(request: Request, context: { params: Promise<{ id: string }> }) {
  const authorized = await authorizeStaffRequest(request, ...AREA_ROLES.readiness);
  if ("refusal" in authorized) return authorized.refusal;
  const { id: brokerage } = await context.params;
  const found = isGuid(brokerage) ? await readinessBrokerage(brokerage) : null;
  if (!found) return new Response("Not found", { status: 404, headers: { "cache-control": "no-store" } });
  const filter = readinessFilter(Object.fromEntries(new URL(request.url).searchParams));
  const name = `${found.name.replace(/[^a-z0-9]+/gi, "-").replace(/^-|-$/g, "").toLowerCase() || "brokerage"}-agents${filter.status ? `-${filter.status}` : ""}.csv`;
  return new Response(agentsCsv(found.id, filter), {
    headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
}
