import path from "node:path";
import { cruise, type ICruiseResult } from "dependency-cruiser";
import extractDepcruiseOptions from "dependency-cruiser/config-utl/extract-depcruise-options";
import { describe, expect, it } from "vitest";
import { oneLineReport } from "../../scripts/architecture/one-line-report";

const root = path.resolve(import.meta.dirname, "../..");
const configFile = path.join(root, ".dependency-cruiser.cjs");
const fixture = path.join(import.meta.dirname, "architecture-fixture");

async function cruiseFixture(): Promise<ICruiseResult> {
  const options = await extractDepcruiseOptions(configFile);
  // The fixture has no tsconfig of its own; its imports are relative.
  const { output } = await cruise(["app", "components", "lib", "sim"], { ...options, tsConfig: undefined, baseDir: fixture });
  return output as ICruiseResult;
}

const broken = (result: ICruiseResult, rule: string) =>
  result.summary.violations
    .filter((v) => v.rule.name === rule)
    .map((v) => [v.from, ...(v.cycle ?? v.via ?? [{ name: v.to }]).map((step) => step.name)].join(" → "));

describe("the architecture check", () => {
  it("loads the project's rules", async () => {
    const options = await extractDepcruiseOptions(configFile);
    const names = options.ruleSet?.forbidden?.map((rule) => rule.name) ?? [];
    expect(names).toEqual(
      expect.arrayContaining([
        "no-file-cycle",
        "no-lib-folder-cycle",
        "components-not-db-or-crypto",
        "components-not-app",
        "verification-microsoft-not-db",
        "sim-not-in-production",
        "lib-not-components",
        "lib-not-react",
      ]),
    );
    const { output } = await cruise(["lib/errors.ts"], { ...options, baseDir: root });
    expect((output as ICruiseResult).summary.error).toBe(0);
  });

  it("fails on a file cycle, a folder cycle and forbidden imports", async () => {
    const result = await cruiseFixture();

    expect(broken(result, "no-file-cycle")).toContain("lib/loop/first.ts → lib/loop/second.ts → lib/loop/first.ts");
    expect(broken(result, "no-lib-folder-cycle")).toContain("lib/north → lib/south → lib/north");
    expect(broken(result, "components-not-db-or-crypto")).toEqual(["components/panel.ts → lib/db/client.ts"]);
    expect(broken(result, "sim-not-in-production")).toEqual(["app/page.ts → lib/demo-seed/seed.ts → sim/server.ts"]);
    expect(result.summary.error).toBeGreaterThanOrEqual(4);
  });

  it("reports one line per violation with its rule and reason", async () => {
    const result = await cruiseFixture();
    const report = oneLineReport(result);
    expect(report.errors).toBe(result.summary.violations.length);
    expect(report.lines).toContain(
      "error components-not-db-or-crypto: components/panel.ts → lib/db/client.ts — Components render data; reading the database or opening secrets happens in lib/ on the server.",
    );
    expect(report.lines.at(-1)).toMatch(/^✘ architecture: \d+ error\(s\), 11 modules cruised$/);
  });
});
