import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildIsCurrent, recordBuild, sourceHash } from "./build-stamp";

function project() {
  const root = mkdtempSync(path.join(tmpdir(), "build-stamp-"));
  mkdirSync(path.join(root, "app"));
  mkdirSync(path.join(root, ".next"));
  writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() { return null; }\n");
  writeFileSync(path.join(root, "package-lock.json"), "{}\n");
  return root;
}

describe("the demo's build stamp", () => {
  it("calls a build current only when it finished and no source changed since", () => {
    const root = project();
    const hash = sourceHash(root);
    expect(buildIsCurrent(hash, root)).toBe(false);
    recordBuild(hash, root);
    // No BUILD_ID: the last build did not finish.
    expect(buildIsCurrent(hash, root)).toBe(false);
    writeFileSync(path.join(root, ".next", "BUILD_ID"), "abc\n");
    expect(buildIsCurrent(sourceHash(root), root)).toBe(true);

    writeFileSync(path.join(root, "app", "page.tsx"), "export default function Page() { return 1; }\n");
    expect(buildIsCurrent(sourceHash(root), root)).toBe(false);
  });

  it("ignores test files and what the build itself writes", () => {
    const root = project();
    const hash = sourceHash(root);
    writeFileSync(path.join(root, "app", "page.test.ts"), "test\n");
    writeFileSync(path.join(root, ".next", "anything"), "x\n");
    expect(sourceHash(root)).toBe(hash);
    mkdirSync(path.join(root, "lib"));
    writeFileSync(path.join(root, "lib", "new.ts"), "export {};\n");
    expect(sourceHash(root)).not.toBe(hash);
  });
});
