/**
 * `npm run demo`: a production build served on the embedded PostgreSQL (unless
 * DATABASE_URL is set), with a local key ring and seed data, printing where to go.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { seedDemo } from "../lib/demo/seed";
import { runUntilSignal, startPortal } from "../lib/runtime/boot";

if (process.env.DEMO_SKIP_BUILD !== "1") {
  console.log("Building the portal (next build)…");
  const build = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
  if (build.status !== 0) {
    console.error("The build failed; see the output above.");
    process.exit(1);
  }
}

await runUntilSignal(async () => {
  const portal = await startPortal({ mode: "production", localKeys: true });
  const seed = await seedDemo();
  console.log(
    [
      "",
      `Portal ready at ${portal.url} (database: ${portal.database.description})`,
      "",
      `Setup guide:              ${portal.url}/guide`,
      `Invite link (${seed.brokerage.name}): ${seed.inviteUrl}`,
      "",
      `Staff sign-in:            ${portal.url}/staff/sign-in`,
      ...seed.staff.map((s) => `  ${s.role.padEnd(11)} ${s.email} / ${s.password}`),
      "",
      "Stop with Ctrl+C; data stays in .data/ for the next start.",
    ].join("\n"),
  );
  return portal;
});
