"use server";

import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth/auth";
import { SIGN_IN_PATH } from "@/lib/auth/require-staff-role";

/** Ends the session (audited by the session hook) and clears its cookie; harmless without one. */
export async function signOutAction() {
  await auth()
    .api.signOut({ headers: await headers() })
    .catch(() => undefined);
  redirect(`${SIGN_IN_PATH}?signed-out=1`);
}
