import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * Whether the production build in .next was made from the sources as they are now: a
 * hash of every file the build reads (app, components, lib, public, the configuration and
 * the lockfile), stored beside the build. `npm run demo` rebuilds only when it differs.
 */
const SOURCES = ["app", "components", "lib", "public", "proxy.ts", "next.config.mjs", "postcss.config.mjs", "tsconfig.json", "package-lock.json"];
const STAMP = path.join(".next", "source-hash");
const SKIPPED = new Set(["node_modules", ".next", ".data"]);

function files(entry: string): string[] {
  if (!existsSync(entry)) return [];
  if (!statSync(entry).isDirectory()) return [entry];
  return readdirSync(entry)
    .filter((name) => !SKIPPED.has(name) && !/\.test\.tsx?$/.test(name))
    .sort()
    .flatMap((name) => files(path.join(entry, name)));
}

export function sourceHash(root = process.cwd()): string {
  const hash = createHash("sha256");
  for (const file of SOURCES.flatMap((s) => files(path.join(root, s)))) {
    hash.update(path.relative(root, file)).update("\0").update(readFileSync(file)).update("\0");
  }
  return hash.digest("hex");
}

/** True when .next holds a finished build of exactly these sources. */
export function buildIsCurrent(hash: string, root = process.cwd()): boolean {
  const stamp = path.join(root, STAMP);
  return existsSync(path.join(root, ".next", "BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8").trim() === hash;
}

export function recordBuild(hash: string, root = process.cwd()) {
  writeFileSync(path.join(root, STAMP), `${hash}\n`);
}
