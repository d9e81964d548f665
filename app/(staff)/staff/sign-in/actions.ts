"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { z } from "zod";
import { safeNextPath } from "@/lib/auth/next-path";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { fieldErrors, type ActionState } from "@/lib/actions/state";

const SignInSchema = z.object({
  email: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.string().min(1, "Enter your email address").pipe(z.email("Enter an email address in the correct format, like name@example.com"))),
  password: z.string().min(1, "Enter your password"),
});

function minutes(seconds: number) {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? "a minute" : `${m} minutes`;
}

/** The one public staff action: it proves who someone is, so it needs no role. */
export async function signInAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = SignInSchema.safeParse({ email: formData.get("email") ?? "", password: formData.get("password") ?? "" });
  if (!parsed.success) return { status: "invalid", errors: fieldErrors(parsed.error), values };

  const result = await signInWithPassword(parsed.data, await headers());
  if (result.ok) {
    const jar = await cookies();
    for (const cookie of result.cookies) jar.set(cookie.name, cookie.value, cookie.options);
    redirect(safeNextPath(formData.get("next")));
  }
  switch (result.reason) {
    case "invalid":
      return { status: "invalid", errors: { email: "Enter a correct email address and password" }, values };
    case "disabled":
      return { status: "error", message: "This account is disabled. Ask a staff administrator to turn it back on.", values };
    case "throttled":
      return { status: "error", message: `Too many sign-in attempts. Wait ${minutes(result.retryAfterSeconds)}, then try again.`, values };
    default:
      return { status: "error", message: "Sign-in is not available right now. Try again in a few minutes.", values };
  }
}
