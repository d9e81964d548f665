import { describe, expect, it } from "vitest";
import { GUIDE_ANCHORS, remediationFor } from "./remediation";
import { REASONS } from "./types";

describe("the remediation catalog", () => {
  it.each(REASONS)("explains %s in plain words", (reason) => {
    const r = remediationFor(reason);
    expect(r.title.length).toBeGreaterThan(10);
    expect(r.detail.length).toBeGreaterThan(40);
    if (r.guideAnchor) expect(GUIDE_ANCHORS).toContain(r.guideAnchor);
    // House style: no "please", "invalid" or "oops" in what the administrator reads.
    expect(`${r.title} ${r.detail}`).not.toMatch(/\b(please|invalid|oops)\b/i);
  });

  it("sends each fixable problem to the guide step that fixes it", () => {
    expect(remediationFor("secret-is-secret-id").guideAnchor).toBe("copy-secret-value");
    expect(remediationFor("consent-missing").guideAnchor).toBe("grant-consent");
    expect(remediationFor("permission-missing").guideAnchor).toBe("add-permissions");
    expect(remediationFor("access-policy-denied").guideAnchor).toBe("limit-mailbox-access");
    expect(remediationFor("mailbox-not-enabled").guideAnchor).toBe("choose-test-mailbox");
    expect(remediationFor("tenant-not-found").guideAnchor).toBe("copy-ids");
  });

  it("does not send anyone to the guide for problems that are Microsoft's", () => {
    expect(remediationFor("throttled").guideAnchor).toBeUndefined();
    expect(remediationFor("microsoft-unavailable").guideAnchor).toBeUndefined();
  });

  it("names the test item after the product so it can be found and deleted", () => {
    expect(remediationFor("cleanup-failed").detail).toContain("MoxiEngage connection test");
  });
});
