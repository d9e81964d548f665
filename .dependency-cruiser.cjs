// The architecture check: which folder may import which (docs/architecture.md).
// `npm run lint` runs it over app, components, lib, scripts, sim and server.ts.

/** Paths of the React and UI libraries that belong in components/ and app/. */
const UI_LIBRARIES = "^node_modules/(react|react-dom|react-hook-form|@hookform)/";

/** @type {import("dependency-cruiser").IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-file-cycle",
      comment: "Files import each other in a circle; move the shared part into a module both can import.",
      severity: "error",
      from: { path: "^(app|components|lib|scripts|sim)/|^server\\.ts$" },
      to: { circular: true },
    },
    // Folder scope: every directory is one node (lib/verification/checks its own). The
    // lib/*.ts root files count as the node "lib", which no circle can see; the two rules
    // after this one keep them below every folder instead.
    {
      name: "no-lib-folder-cycle",
      comment:
        "lib/ folders depend on each other in a circle; one of them has to give up its import (move a type, a constant or the wiring to the caller).",
      severity: "error",
      scope: "folder",
      from: { path: "^lib/[^/]+" },
      to: { path: "^lib/[^/]+", circular: true },
    },
    {
      name: "lib-root-files-are-the-base",
      comment:
        "lib/*.ts (env, logger, errors, branding) sit below every lib/ folder, so they import none; lib/health.ts only reads the database state.",
      severity: "error",
      from: { path: "^lib/[^/]+\\.ts$", pathNot: "^lib/health\\.ts$" },
      to: { path: "^lib/[^/]+/" },
    },
    {
      name: "lib-health-reads-only-the-database",
      comment: "lib/health.ts reports on the database; anything more belongs in a lib/ folder.",
      severity: "error",
      from: { path: "^lib/health\\.ts$" },
      to: { path: "^lib/[^/]+/", pathNot: "^lib/db/" },
    },
    {
      name: "components-not-db-or-crypto",
      comment: "Components render data; reading the database or opening secrets happens in lib/ on the server.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^lib/(db|crypto)/" },
    },
    {
      name: "components-not-app",
      comment: "Components receive server actions and data as props; the route in app/ wires them.",
      severity: "error",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "verification-microsoft-not-db",
      comment: "The checks and the Microsoft and Google clients run on what they are given; storing results is the caller's job.",
      severity: "error",
      from: { path: "^lib/(verification|microsoft|google)/" },
      to: { path: "^lib/db/" },
    },
    {
      name: "readiness-probes-not-db",
      comment: "Probing agents' mailboxes runs on what it is given (a provider, a stream of addresses); lib/readiness/run.ts stores the verdicts.",
      severity: "error",
      from: { path: "^lib/readiness/(provider|pool|microsoft)\\.ts$" },
      to: { path: "^lib/db/" },
    },
    {
      name: "checks-not-readiness",
      comment: "The readiness check builds on lib/microsoft and lib/verification (classifier, reasons), never the other way round.",
      severity: "error",
      from: { path: "^lib/(verification|microsoft|runs)/" },
      to: { path: "^lib/readiness/" },
    },
    {
      name: "microsoft-not-verification",
      comment: "lib/microsoft is the seam to Microsoft; lib/verification builds on it, not the other way round.",
      severity: "error",
      from: { path: "^lib/microsoft/" },
      to: { path: "^lib/verification/" },
    },
    {
      name: "google-not-verification",
      comment: "lib/google is the seam to Google; lib/verification builds on it, not the other way round.",
      severity: "error",
      from: { path: "^lib/google/" },
      to: { path: "^lib/verification/" },
    },
    {
      name: "sim-not-in-production",
      comment:
        "The simulator is for the demo, tests and scripts/sim.ts; the server, the worker and the CLI must not reach it.",
      severity: "error",
      from: { path: "^(app/|server\\.ts$|scripts/(worker|cli)\\.ts$)" },
      to: { path: "^sim/", reachable: true },
    },
    {
      name: "lib-not-components",
      comment: "lib/ is plain TypeScript; components depend on lib, never the reverse.",
      severity: "error",
      from: { path: "^lib/" },
      to: { path: "^(components|app)/" },
    },
    {
      name: "lib-not-react",
      comment:
        "No React in lib/; the one exception is React's request-scoped cache() that memoises the staff session read.",
      severity: "error",
      from: { path: "^lib/", pathNot: "^lib/auth/require-staff-role\\.ts$" },
      to: { path: UI_LIBRARIES },
    },
    {
      name: "lib-next-server-plumbing-only",
      comment:
        "lib/ may use next/headers, next/navigation and next/cache for actions and guards; no other next/* module.",
      severity: "error",
      from: { path: "^lib/", pathNot: "^lib/runtime/" },
      to: {
        path: "^node_modules/next/",
        pathNot: "^node_modules/next/(headers|navigation|cache)\\.js$",
      },
    },
    {
      name: "lib-runtime-next-server-only",
      comment: "lib/runtime starts the Next server (the `next` package itself); UI modules stay out of it too.",
      severity: "error",
      from: { path: "^lib/runtime/" },
      to: { path: "^node_modules/next/", pathNot: "^node_modules/next/dist/server/next\\.js$" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    // Tests may reach across folders to set up their data.
    exclude: { path: "\\.test\\.tsx?$" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      extensions: [".ts", ".tsx", ".js", ".mjs", ".cjs", ".json"],
      mainFields: ["module", "main", "types", "typings"],
    },
    reporterOptions: {
      text: { highlightFocused: true },
    },
  },
};
