"use server";

import { cookies } from "next/headers";
import { z } from "zod";
import { formAction, UserError } from "@/lib/actions/action";
import { publicGuard } from "@/lib/actions/guards";
import { safeNextPath } from "@/lib/auth/next-path";
import { signInWithPassword } from "@/lib/auth/sign-in";
import { requestFacts } from "@/lib/http/request-facts";

const SignInSchema = z.object({
  email: z
    .string()
    .transform((v) => v.trim().toLowerCase())
    .pipe(z.string().min(1, "Enter your email address").pipe(z.email("Enter an email address in the correct format, like name@example.com"))),
  password: z.string().min(1, "Enter your password"),
  next: z.unknown(),
});

function minutes(seconds: number) {
  const m = Math.ceil(seconds / 60);
  return m <= 1 ? "a minute" : `${m} minutes`;
}

/**
 * The one public staff action: it proves who someone is, so it needs no role. Its
 * limits are better-auth's per address and lib/auth/sign-in-limits.ts per account.
 */
export const signInAction = formAction({
  guard: publicGuard({ address: (request) => requestFacts(request).ip }),
  schema: SignInSchema,
  input: (raw) => {
    const form = raw as FormData;
    return { email: form.get("email") ?? "", password: form.get("password") ?? "", next: form.get("next") };
  },
  echo: (raw) => ({ email: String((raw as FormData).get("email") ?? "") }),
  run: async ({ email, password }, ctx) => {
    const result = await signInWithPassword({ email, password }, ctx.headers);
    if (result.ok) {
      const jar = await cookies();
      for (const cookie of result.cookies) jar.set(cookie.name, cookie.value, cookie.options);
      return null;
    }
    switch (result.reason) {
      case "invalid":
        throw new UserError("Enter a correct email address and password", "email");
      case "disabled":
        throw new UserError("This account is disabled. Ask a staff administrator to turn it back on.");
      case "throttled":
        throw new UserError(`Too many sign-in attempts. Wait ${minutes(result.retryAfterSeconds)}, then try again.`);
      default:
        throw new UserError("Sign-in is not available right now. Try again in a few minutes.");
    }
  },
  redirectTo: (_result, input) => safeNextPath(input.next),
});
