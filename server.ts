import { runUntilSignal, startPortal } from "./lib/runtime/boot";

// `npm start` (production) and `npm run dev` (with --dev): one process serves the
// portal and, unless WORKER=off, runs the background worker too.
const dev = process.argv.includes("--dev");

await runUntilSignal(async () => {
  const portal = await startPortal({ mode: dev ? "development" : "production", localKeys: dev });
  console.log(`Portal ready at ${portal.url} (database: ${portal.database.description})`);
  return portal;
});
