import { authorizeStaffRequest } from "@/lib/auth/require-staff-role";
import { AREA_ROLES } from "@/lib/auth/roles";
import { CSV_TEMPLATE } from "@/lib/onboarding/import";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const authorized = await authorizeStaffRequest(request, ...AREA_ROLES.onboarding);
  if ("refusal" in authorized) return authorized.refusal;
  return new Response(CSV_TEMPLATE, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="brokerages-template.csv"',
      "Cache-Control": "no-store",
    },
  });
}
