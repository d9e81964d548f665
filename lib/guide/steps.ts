/**
 * The guide's sections and numbered steps. Anchors are a stable contract: verification
 * results link to `/guide#<anchor>` (DESIGN §4 `guideAnchor`), so never rename one.
 */

export const GUIDE_ANCHORS = [
  "before-you-start",
  "register-app",
  "copy-ids",
  "add-permissions",
  "grant-consent",
  "create-secret",
  "copy-secret-value",
  "upload-certificate",
  "choose-test-mailbox",
  "limit-mailbox-access",
  "submit",
  "troubleshooting",
] as const;
export type GuideAnchor = (typeof GUIDE_ANCHORS)[number];

/** The script alternative has its own anchor; it is not a step. */
export const SETUP_SCRIPT_ANCHOR = "setup-script";

/**
 * When each drawing was last drawn from, or compared with, Microsoft's published
 * description of the screen it shows (docs/guide.md). None has yet been compared with a
 * live tenant: the guide says so. Update the date, and the words, when one is.
 */
const CHECKED_2026_11 = "2026-11-26";

export type GuideStep = {
  anchor: Exclude<GuideAnchor, "before-you-start" | "troubleshooting">;
  number: number;
  title: string;
  optional?: boolean;
  /** Where the screen lives, for the "last checked" note; null for our own form. */
  screen: "Microsoft Entra admin center" | "Microsoft 365 admin center" | "Exchange Online PowerShell" | null;
  lastChecked: string;
};

export const GUIDE_STEPS: readonly GuideStep[] = [
  { anchor: "register-app", number: 1, title: "Register the app", screen: "Microsoft Entra admin center", lastChecked: CHECKED_2026_11 },
  { anchor: "copy-ids", number: 2, title: "Copy the tenant ID and client ID", screen: "Microsoft Entra admin center", lastChecked: CHECKED_2026_11 },
  { anchor: "add-permissions", number: 3, title: "Add the three permissions", screen: "Microsoft Entra admin center", lastChecked: CHECKED_2026_11 },
  { anchor: "grant-consent", number: 4, title: "Grant admin consent", screen: "Microsoft Entra admin center", lastChecked: CHECKED_2026_11 },
  { anchor: "create-secret", number: 5, title: "Create a client secret", screen: "Microsoft Entra admin center", lastChecked: CHECKED_2026_11 },
  { anchor: "copy-secret-value", number: 6, title: "Copy the secret’s Value", screen: "Microsoft Entra admin center", lastChecked: CHECKED_2026_11 },
  { anchor: "choose-test-mailbox", number: 7, title: "Choose a test mailbox", screen: "Microsoft 365 admin center", lastChecked: CHECKED_2026_11 },
  {
    anchor: "limit-mailbox-access",
    number: 8,
    title: "Limit the app to agents’ mailboxes",
    optional: true,
    screen: "Exchange Online PowerShell",
    lastChecked: CHECKED_2026_11,
  },
  { anchor: "submit", number: 9, title: "Submit the details", screen: null, lastChecked: CHECKED_2026_11 },
];

export const STEP_ANCHORS = GUIDE_STEPS.map((s) => s.anchor);

export function isStepAnchor(value: string): value is GuideStep["anchor"] {
  return (STEP_ANCHORS as readonly string[]).includes(value);
}

export function stepByAnchor(anchor: GuideStep["anchor"]): GuideStep {
  const step = GUIDE_STEPS.find((s) => s.anchor === anchor);
  if (!step) throw new Error(`Unknown guide step: ${anchor}`);
  return step;
}

/** "26 November 2026": day month year, as GOV.UK writes dates. */
export function formatGuideDate(isoDate: string): string {
  const [year, month, day] = isoDate.split("-").map(Number);
  const months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
  return `${day} ${months[(month ?? 1) - 1]} ${year}`;
}

/** The words a link to a guide anchor uses: "Step 4: Grant admin consent", or the section's own title. */
export function guideSectionLabel(anchor: string): string | null {
  if (anchor === "before-you-start") return "Before you start";
  if (anchor === "troubleshooting") return "Troubleshooting";
  if (!isStepAnchor(anchor)) return null;
  const step = stepByAnchor(anchor);
  return `Step ${step.number}: ${step.title}`;
}
/** Where a check result's guide anchor lives: the Google Workspace guide's start with "google-". */
export const guideHref = (anchor: string) => (anchor.startsWith("google-") ? `/guide/google-workspace#${anchor}` : `/guide#${anchor}`);
