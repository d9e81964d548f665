"use server";

import { formAction } from "@/lib/actions/action";
import { screenReport } from "@/lib/guide/screen-reports";

/** "This screen looks different": public, validated, rate limited, never throws to the page. */
export const reportScreenAction = formAction(screenReport);
