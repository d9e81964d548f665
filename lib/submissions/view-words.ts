import type { FixWords } from "../verification/diagnosis";
import type { CheckView } from "./views";

/**
 * A check view's own words as the diagnosis needs them, in the browser too: the view
 * carries the catalog's fix only when it differs from what the check said.
 */
export function viewWords(check: CheckView): FixWords {
  if (check.remediation) {
    return { title: check.remediation.title, fix: check.remediation.detail, said: check.detail, guideAnchor: check.remediation.guideAnchor ?? check.guideAnchor };
  }
  return { title: check.title ?? check.label, fix: check.detail ?? "", said: null, guideAnchor: check.guideAnchor };
}
