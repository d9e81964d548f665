import { describe, expect, it } from "vitest";
import { approvalBlocker } from "./approvability";

const now = new Date("2026-05-01T12:00:00Z");
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
const verified = (h: number) => ({ outcome: "verified", finishedAt: hoursAgo(h) });

describe("when an attempt may be approved", () => {
  it("allows a verified attempt whose latest run passed within 24 hours", () => {
    expect(approvalBlocker({ status: "verified", secretStored: true, latestRun: verified(23.9) }, now)).toBeNull();
  });

  it("asks for a re-run when the passing run is older than 24 hours", () => {
    expect(approvalBlocker({ status: "verified", secretStored: true, latestRun: verified(24.1) }, now)).toContain("re-run the checks");
  });

  it("refuses failing, running, superseded, already approved and secretless attempts", () => {
    const failed = { outcome: "failed", finishedAt: hoursAgo(1) };
    expect(approvalBlocker({ status: "failed", secretStored: true, latestRun: failed }, now)).toContain("did not pass");
    expect(approvalBlocker({ status: "verified", secretStored: true, latestRun: { outcome: "running", finishedAt: null } }, now)).toContain(
      "not finished",
    );
    expect(approvalBlocker({ status: "superseded", secretStored: false, latestRun: verified(1) }, now)).toContain("no longer current");
    expect(approvalBlocker({ status: "approved", secretStored: true, latestRun: verified(1) }, now)).toContain("already approved");
    expect(approvalBlocker({ status: "verified", secretStored: false, latestRun: verified(1) }, now)).toContain("destroyed");
  });
});
