import type { Reason } from "./types";

// Stand-in with the catalog's signature until the verification module lands on this branch.
export type Remediation = { title: string; detail: string; guideAnchor: string };
export function remediationFor(reason: Reason): Remediation {
  return { title: reason, detail: "", guideAnchor: "troubleshooting" };
}
