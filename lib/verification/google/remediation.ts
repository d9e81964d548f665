import { branding } from "../../branding";
import { remediationFor } from "../remediation";
import type { CheckOutcome } from "../results";
import type { CheckStatus, GoogleErrorInfo, Reason } from "../types";

/**
 * The Google Workspace wording of the reasons the two providers share, and the section of
 * the Google guide (/guide/google-workspace#anchor) that fixes each.
 */

export const GOOGLE_GUIDE_ANCHORS = ["google-before-you-start", "google-add-delegation", "google-turn-on-services", "google-test-user", "google-troubleshooting"] as const;
export type GoogleGuideAnchor = (typeof GOOGLE_GUIDE_ANCHORS)[number];

type GoogleRemedy = { title: string; detail: string; guideAnchor?: GoogleGuideAnchor };

/** The shared catalog's words, without its (Microsoft) guide anchor. */
const textOf = (reason: Reason): GoogleRemedy => ({ title: remediationFor(reason).title, detail: remediationFor(reason).detail });

function overrides(product: string): Partial<Record<Reason, GoogleRemedy>> {
  return {
    "invalid-input": { title: "Some values are not in the right format", detail: "Enter your Google Workspace domain and the address of a user in it.", guideAnchor: "google-test-user" },
    "delegation-missing": { ...textOf("delegation-missing"), guideAnchor: "google-add-delegation" },
    "scope-missing": { ...textOf("scope-missing"), guideAnchor: "google-add-delegation" },
    "mailbox-not-found": {
      title: "Google has no user with this address",
      detail: "The test user is not a user of your Google Workspace. Enter the primary address of one of your agents (an alias or a group does not work).",
      guideAnchor: "google-test-user",
    },
    "mailbox-not-enabled": {
      title: "A service is turned off for the test user",
      detail: `${product} needs Gmail, Google Calendar and Google Contacts on for your agents. In the Admin console, under Apps, Google Workspace, turn the service on for the organisational units your agents are in.`,
      guideAnchor: "google-turn-on-services",
    },
    "access-denied": {
      title: "Your domain's policy blocks the app",
      detail: "Google refused the request because of a policy in your Admin console (API controls). Allow the client ID under Security, Access and data control, API controls.",
      guideAnchor: "google-add-delegation",
    },
    throttled: {
      title: "Google asked us to slow down",
      detail: "Google is limiting requests for this user right now. Nothing needs fixing on your side: running the checks again later will get an answer.",
      guideAnchor: "google-troubleshooting",
    },
    "google-unavailable": { ...textOf("google-unavailable"), guideAnchor: "google-troubleshooting" },
    "vendor-config": { ...textOf("vendor-config"), guideAnchor: "google-troubleshooting" },
    "cleanup-failed": {
      title: "A test item was left behind",
      detail: "The checks passed, but a test item could not be deleted. You can delete it yourself (its id is shown); it does no harm.",
      guideAnchor: "google-troubleshooting",
    },
    unexpected: {
      title: "Google gave an answer we did not expect",
      detail: "We could not tell what went wrong. Try again later; if it happens again, contact us with the code shown.",
      guideAnchor: "google-troubleshooting",
    },
  };
}

export function googleRemedy(reason: Reason): GoogleRemedy {
  return overrides(branding().productName)[reason] ?? { ...textOf(reason), guideAnchor: "google-troubleshooting" };
}

/** A non-pass result in the Google wording; `facts` (what exactly was found) comes before the fix. */
export function googleProblem(
  status: Exclude<CheckStatus, "pass" | "skipped">,
  reason: Reason,
  options: { facts?: string; data?: Record<string, unknown>; google?: GoogleErrorInfo } = {},
): CheckOutcome {
  const remedy = googleRemedy(reason);
  return {
    status,
    reason,
    title: remedy.title,
    detail: options.facts ? `${options.facts} ${remedy.detail}` : remedy.detail,
    ...(remedy.guideAnchor ? { guideAnchor: remedy.guideAnchor } : {}),
    ...(options.google ? { google: options.google } : {}),
    ...(options.data ? { data: options.data } : {}),
  };
}
