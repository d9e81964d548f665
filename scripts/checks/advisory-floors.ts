import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * Every copy of a package in package-lock.json (nested copies too) at or above its
 * floor in advisory-floors.json. Offline on purpose: `npm audit` needs an advisory
 * service this build cannot reach. Run by the unit tests (tests/unit/advisory-floors.test.ts).
 */

type Floors = Record<string, { floor: string; advisories: string[] }>;
type Lockfile = { packages?: Record<string, { version?: string }> };

export type BelowFloor = { name: string; path: string; version: string; floor: string };

/** -1, 0 or 1 for two `major.minor.patch` versions; a pre-release sorts below its release. */
export function compareVersions(a: string, b: string): number {
  const parse = (v: string) => {
    const [core = "", pre] = v.replace(/^v/, "").split(/-(.*)/s);
    return { parts: core.split(".").map((n) => Number(n) || 0), pre: pre ?? null };
  };
  const x = parse(a);
  const y = parse(b);
  for (let i = 0; i < 3; i++) {
    const d = (x.parts[i] ?? 0) - (y.parts[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  if (x.pre === y.pre) return 0;
  if (x.pre === null) return 1;
  if (y.pre === null) return -1;
  return x.pre < y.pre ? -1 : 1;
}

export function belowFloors(lockfile: Lockfile, floors: Floors): BelowFloor[] {
  const found: BelowFloor[] = [];
  for (const [where, entry] of Object.entries(lockfile.packages ?? {})) {
    const name = where.split("node_modules/").at(-1) ?? "";
    const floor = floors[name]?.floor;
    if (!floor || !entry.version) continue;
    if (compareVersions(entry.version, floor) < 0) found.push({ name, path: where, version: entry.version, floor });
  }
  return found;
}

export function checkRepository(root = process.cwd()): BelowFloor[] {
  const lockfile = JSON.parse(readFileSync(path.join(root, "package-lock.json"), "utf8")) as Lockfile;
  const { floors } = JSON.parse(readFileSync(path.join(root, "scripts/checks/advisory-floors.json"), "utf8")) as { floors: Floors };
  return belowFloors(lockfile, floors);
}
