/**
 * `npm run bench:bundle [-- --no-build]`: first-load JavaScript (gzip) of every page
 * route in a production build, beside the framework's floor, and the guide's budget.
 *
 * How it measures (docs/guide.md):
 * - A route's first-load JS is the set of chunks the build manifests say its HTML loads
 *   before anything is lazily imported: the root main files every page shares
 *   (build-manifest.json `rootMainFiles`) plus the entry chunks of the route's layouts and
 *   page (its client reference manifest's `entryJSFiles`). For prerendered routes the
 *   set is checked against the <script> tags of the HTML itself.
 * - The floor is `/_not-found`: Next.js's built-in blank page, rendered in the same root
 *   layout, with no page code of its own. Every page of this build pays at least that.
 * - Legacy polyfills (`polyfillFiles`) load with `nomodule`, so modern browsers skip them;
 *   they are shown apart and included in the "with polyfills" column.
 * - Sizes are gzip level 9 of each file, summed; 1 kB = 1000 bytes, as Next.js reports.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { runInNewContext } from "node:vm";
import { gzipSync } from "node:zlib";

const ROOT = process.cwd();
const NEXT = path.join(ROOT, ".next");
const FLOOR_ROUTE = "/_not-found";
const BUDGETS: Record<string, number> = { "/guide": 40_000 };

type ClientReferenceManifest = { entryJSFiles?: Record<string, string[]> };

function build() {
  console.log("Building (next build)…");
  const result = spawnSync(path.join(ROOT, "node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

/** "/(public)/guide/page" -> "/guide": route groups are not part of the URL. */
function routeOf(entry: string): string {
  const parts = entry.replace(/\/page$/, "").split("/").filter((p) => p && !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

function readClientManifests(): Map<string, string[]> {
  const routes = new Map<string, string[]>();
  for (const file of walk(path.join(NEXT, "server", "app")).filter((f) => f.endsWith("page_client-reference-manifest.js"))) {
    const context: { __RSC_MANIFEST?: Record<string, ClientReferenceManifest> } = {};
    context.__RSC_MANIFEST = {};
    runInNewContext(readFileSync(file, "utf8"), { globalThis: context });
    for (const [entry, manifest] of Object.entries(context.__RSC_MANIFEST)) {
      if (!entry.endsWith("/page")) continue;
      routes.set(routeOf(entry), [...new Set(Object.values(manifest.entryJSFiles ?? {}).flat())]);
    }
  }
  return routes;
}

/** Chunks a prerendered page's HTML loads, without `nomodule` ones; undefined when not prerendered. */
function htmlChunks(route: string): string[] | undefined {
  const file = path.join(NEXT, "server", "app", route === "/" ? "index.html" : `${route}.html`);
  if (!existsSync(file)) return undefined;
  const html = readFileSync(file, "utf8");
  const chunks = new Set<string>();
  for (const tag of html.match(/<script\b[^>]*>/g) ?? []) {
    const src = /\ssrc="\/_next\/([^"]+\.js)"/.exec(tag)?.[1];
    if (src && !/\snoModule|\snomodule/.test(tag)) chunks.add(src);
  }
  return [...chunks];
}

const sizes = new Map<string, { raw: number; gzip: number }>();
function sizeOf(file: string) {
  let size = sizes.get(file);
  if (!size) {
    const bytes = readFileSync(path.join(NEXT, file));
    size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    sizes.set(file, size);
  }
  return size;
}
const total = (files: string[], key: "raw" | "gzip") => files.reduce((sum, f) => sum + sizeOf(f)[key], 0);
const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function main() {
  if (!process.argv.includes("--no-build") || !existsSync(path.join(NEXT, "BUILD_ID"))) build();

  const buildManifest = JSON.parse(readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as {
    rootMainFiles: string[];
    polyfillFiles: string[];
  };
  const polyfills = total(buildManifest.polyfillFiles, "gzip");
  const routes = [...readClientManifests()]
    .filter(([route]) => route !== "/_global-error")
    .map(([route, entry]) => {
      const files = [...new Set([...buildManifest.rootMainFiles, ...entry])];
      const html = htmlChunks(route);
      const mismatch = html && (html.length !== files.length || html.some((f) => !files.includes(f)));
      return { route, files, gzip: total(files, "gzip"), raw: total(files, "raw"), mismatch };
    })
    .sort((a, b) => a.route.localeCompare(b.route));

  const floor = routes.find((r) => r.route === FLOOR_ROUTE);
  if (!floor) throw new Error(`No ${FLOOR_ROUTE} route in the build: cannot measure the floor`);

  const rows = routes.map((r) => [r.route, kB(r.gzip), kB(r.gzip + polyfills), `+${kB(r.gzip - floor.gzip)}`, kB(r.raw)]);
  const header = ["route", "first-load JS (gzip)", "with polyfills", "over floor", "uncompressed"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("   ");
  console.log(`\n${line(header)}`);
  for (const row of rows) console.log(line(row));
  console.log(`\nFloor: ${FLOOR_ROUTE} (blank page, same build) loads ${kB(floor.gzip)} gzip; legacy polyfills (nomodule) add ${kB(polyfills)} for old browsers only.`);

  for (const r of routes.filter((route) => route.mismatch)) {
    console.log(`Note: ${r.route}'s HTML loads a different set of chunks than its manifests list; figures follow the manifests.`);
  }

  let over = false;
  for (const [route, budget] of Object.entries(BUDGETS)) {
    const r = routes.find((x) => x.route === route);
    if (!r) {
      console.log(`Budget: ${route} is not in this build`);
      over = true;
      continue;
    }
    const added = r.gzip - floor.gzip;
    const ok = added <= budget;
    over ||= !ok;
    console.log(`Budget: ${route} adds ${kB(added)} over the floor (limit ${kB(budget)}): ${ok ? "within budget" : "OVER BUDGET"}`);
  }
  process.exit(over ? 1 : 0);
}

main();
