"use server";

import { headers } from "next/headers";
import type { ScreenReportState } from "@/lib/guide/screen-report-state";
import { recordScreenReport } from "@/lib/guide/screen-reports";
import { requestAddress } from "@/lib/guide/request-address";

/** "This screen looks different": public, validated, rate limited, never throws to the page. */
export async function reportScreenAction(_previous: ScreenReportState, form: FormData): Promise<ScreenReportState> {
  return recordScreenReport(form, { ip: requestAddress(await headers()) });
}
