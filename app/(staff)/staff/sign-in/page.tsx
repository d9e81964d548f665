import type { Metadata } from "next";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { buttonClass } from "@/components/form/button";
import { NotificationBanner } from "@/components/form/notification-banner";
import { safeNextPath } from "@/lib/auth/next-path";
import { isMicrosoftSignInEnabled } from "@/lib/auth/sso";
import { authorizeStaff } from "@/lib/auth/staff-session";
import { env } from "@/lib/env";
import { SignInForm } from "./sign-in-form";

export const metadata: Metadata = { title: "Sign in to the staff area" };

/** better-auth's error codes on the way back from Microsoft, in words. */
function microsoftProblem(code: string | undefined): string | null {
  if (!code) return null;
  if (code === "signup_disabled" || code === "unable_to_link_account" || code === "account_not_linked") {
    return "There is no staff account for that Microsoft account. Ask a staff administrator to add you with the same email address.";
  }
  return "Signing in with Microsoft did not finish. Try again, or sign in with your email address and password.";
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  const current = await authorizeStaff(await headers(), []);
  if (current.ok || current.reason === "forbidden") redirect(next);

  const problem = microsoftProblem(params.error);
  const microsoft = isMicrosoftSignInEnabled(env());
  return (
    <div className="max-w-2xl">
      {params["signed-out"] ? <NotificationBanner kind="success">You have signed out.</NotificationBanner> : null}
      {problem ? (
        <NotificationBanner title="Not signed in">
          {problem}
        </NotificationBanner>
      ) : null}
      <h1 className="mb-6 text-3xl font-bold sm:text-4xl">Sign in to the staff area</h1>
      {microsoft ? (
        <>
          <a href={`/staff/sign-in/microsoft?next=${encodeURIComponent(next)}`} className={buttonClass("secondary")}>
            Sign in with Microsoft
          </a>
          <p className="my-6 text-lg">Or sign in with your email address and password.</p>
        </>
      ) : null}
      <SignInForm next={next} />
    </div>
  );
}
