import { describe, expect, it } from "vitest";
import { belowFloors, checkRepository, compareVersions } from "../../scripts/checks/advisory-floors";

const floors = { next: { floor: "16.0.10", advisories: [] }, nodemailer: { floor: "10.0.9", advisories: [] } };

describe("the advisory floors", () => {
  it("finds every copy below its floor, nested ones too", () => {
    const lockfile = {
      packages: {
        "node_modules/next": { version: "16.0.9" },
        "node_modules/nodemailer": { version: "10.6.1" },
        "node_modules/smtp-server/node_modules/nodemailer": { version: "10.0.8" },
        "node_modules/react": { version: "1.0.0" },
      },
    };
    expect(belowFloors(lockfile, floors)).toEqual([
      { name: "next", path: "node_modules/next", version: "16.0.9", floor: "16.0.10" },
      { name: "nodemailer", path: "node_modules/smtp-server/node_modules/nodemailer", version: "10.0.8", floor: "10.0.9" },
    ]);
  });

  it("orders versions numerically, pre-releases below their release", () => {
    expect(compareVersions("16.0.10", "16.0.9")).toBe(1);
    expect(compareVersions("16.0.10-canary.1", "16.0.10")).toBe(-1);
    expect(compareVersions("1.7.25", "1.7.25")).toBe(0);
  });

  it("holds for this repository's lockfile", () => {
    expect(checkRepository()).toEqual([]);
  });
});
