/**
 * `npm run demo`: a production build served on the embedded PostgreSQL (unless
 * DATABASE_URL is set), with a local key ring and seed data, verifying against the
 * Microsoft 365 simulator (port 4610), and printing where to go and what to type.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { DEMO_READINESS_BROKERAGE, seedDemo, seedDemoReadiness } from "../lib/demo/seed";
import { logToStderr } from "../lib/logger";
import { buildIsCurrent, recordBuild, sourceHash } from "../lib/runtime/build-stamp";
import { runUntilSignal, startPortal } from "../lib/runtime/boot";
import { startDnsServer } from "../sim/dns";
import { providerTable } from "../sim/providers";
import { scenarioTable } from "../sim/scenario-table";
import { APPS, MAILBOXES, scenario, TENANTS } from "../sim/scenarios";
import { startSimulator } from "../sim/server";
import { relaunchTrustingSimulator } from "../sim/trust";

const SIMULATOR_PORT = 4610;
/** The DNS server that answers MX records for provider detection. */
const DNS_PORT = 5354;

// The portal must trust the simulator's certificate, which Node reads only at start.
await relaunchTrustingSimulator();

// Log lines go to stderr: the words printed below for people stay together on stdout.
logToStderr();

// Rebuild only when the sources changed since the last build (DEMO_REBUILD=1 forces it, DEMO_SKIP_BUILD=1 never builds).
const sources = sourceHash();
if (process.env.DEMO_SKIP_BUILD !== "1" && (process.env.DEMO_REBUILD === "1" || !buildIsCurrent(sources))) {
  console.log("Building the portal (next build): the sources changed since the last build…");
  const build = spawnSync(path.join("node_modules", ".bin", "next"), ["build"], { stdio: "inherit" });
  if (build.status !== 0) {
    console.error("The build failed; see the output above.");
    process.exit(1);
  }
  recordBuild(sources);
} else if (process.env.DEMO_SKIP_BUILD !== "1") {
  console.log("The build in .next is up to date with the sources (DEMO_REBUILD=1 builds again anyway).");
}

await runUntilSignal(async () => {
  const simulator = await startSimulator({ port: SIMULATOR_PORT });
  const dns = await startDnsServer({ port: DNS_PORT }).catch(async (error: unknown) => {
    await simulator.stop();
    throw error;
  });
  process.env.MICROSOFT_AUTHORITY_HOST = simulator.authorityHost;
  process.env.MICROSOFT_GRAPH_URL = simulator.graphUrl;
  process.env.DNS_SERVERS = dns.address;
  let portal;
  try {
    portal = await startPortal({ mode: "production", localKeys: true });
  } catch (error) {
    await Promise.all([simulator.stop(), dns.stop()]);
    throw error;
  }
  const seed = await seedDemo();
  // 240 agents with a mix of states, checked against the simulator as the portal starts.
  const agents = simulator.control.seedAgents({ count: 240, prefix: "demo-agent", mix: { "not-found": 0.05, unlicensed: 0.05, "on-premises": 0.03, "throttled-once": 0.05 } });
  const good = scenario("good").values;
  const readiness = await seedDemoReadiness(
    { tenantId: good.tenantId, clientId: good.clientId, clientSecret: good.clientSecret, testMailbox: good.testMailbox },
    agents.map((a) => a.address),
  );
  console.log(
    [
      "",
      `Portal ready at ${portal.url} (database: ${portal.database.description})`,
      "",
      `Setup guide:              ${portal.url}/guide`,
      `Invite link (${seed.brokerage.name}): ${seed.inviteUrl}`,
      "  (a new link on every start: the one from the last start no longer opens the form)",
      "",
      `Staff sign-in:            ${portal.url}/staff/sign-in`,
      `Agent mailboxes (${DEMO_READINESS_BROKERAGE.name}): ${portal.url}${readiness.path}`,
      ...seed.staff.map((s) => `  ${s.role.padEnd(11)} ${s.email} / ${s.password}`),
      "",
      `Microsoft 365 simulator:  ${simulator.url} (checks run against it; control API at ${simulator.url}/_sim)`,
      "Values to type for each scenario (docs/simulator.md explains them):",
      "",
      scenarioTable(),
      "",
      "Certificate method: on the invite's /submit/certificate page create and download the certificate, then upload it",
      `(standing in for the admin center): curl --cacert .data/simulator/tls/ca.pem -H 'content-type: application/json' \\`,
      `  -d "{\\"certificate\\": $(jq -Rs . < certificate.pem)}" ${simulator.url}/_sim/apps/${APPS.certificate.clientId}/certificates`,
      `and send tenant ${TENANTS.harbor.id}, client ${APPS.certificate.clientId}, mailbox ${MAILBOXES.agent}: no secret.`,
      "",
      `Work email domains for the start page (MX records from the DNS server at ${dns.address}):`,
      "",
      providerTable(),
      "",
      "Stop with Ctrl+C; data stays in .data/ for the next start.",
    ].join("\n"),
  );
  const running = portal;
  return {
    stop: async () => {
      await running.stop();
      await Promise.all([simulator.stop(), dns.stop()]);
    },
  };
});
