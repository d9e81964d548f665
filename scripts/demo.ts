/**
 * `npm run demo`: a production build served on the embedded PostgreSQL (unless
 * DATABASE_URL is set), with a local key ring and seed data, verifying against the
 * Microsoft 365 simulator (port 4610), and printing where to go and what to type.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";
import { seedRotationDemo } from "../lib/demo/rotation";
import { DEMO_READINESS_BROKERAGE, seedDemo, seedDemoReadiness } from "../lib/demo/seed";
import { GOOGLE_SCOPE_STRINGS } from "../lib/google/scopes";
import { logToStderr } from "../lib/logger";
import { buildIsCurrent, recordBuild, sourceHash } from "../lib/runtime/build-stamp";
import { runUntilSignal, startPortal } from "../lib/runtime/boot";
import { startDnsServer } from "../sim/dns";
import { providerTable } from "../sim/providers";
import { scenarioTable } from "../sim/scenario-table";
import { APPS, MAILBOXES, scenario, TENANTS } from "../sim/scenarios";
import { googleScenarioTable } from "../sim/google/scenarios";
import { startGoogleSimulator } from "../sim/google/server";
import { startSimulator } from "../sim/server";
import { relaunchTrustingSimulator } from "../sim/trust";
import { ensureVendorAppCertificateFile, VENDOR_APP } from "../sim/vendor-app";

const SIMULATOR_PORT = 4610;
const GOOGLE_SIMULATOR_PORT = 4612;
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
  // "Connect with Microsoft": the simulator's multi-tenant vendor app and its certificate, unless configured otherwise.
  process.env.MICROSOFT_VENDOR_APP_CLIENT_ID ||= VENDOR_APP.clientId;
  process.env.MICROSOFT_VENDOR_APP_CERTIFICATE ||= ensureVendorAppCertificateFile();
  const simulator = await startSimulator({ port: SIMULATOR_PORT });
  const google = await startGoogleSimulator({ port: GOOGLE_SIMULATOR_PORT }).catch(async (error: unknown) => {
    await simulator.stop();
    throw error;
  });
  const dns = await startDnsServer({ port: DNS_PORT }).catch(async (error: unknown) => {
    await Promise.all([simulator.stop(), google.stop()]);
    throw error;
  });
  process.env.MICROSOFT_AUTHORITY_HOST = simulator.authorityHost;
  process.env.MICROSOFT_GRAPH_URL = simulator.graphUrl;
  process.env.DNS_SERVERS = dns.address;
  process.env.GOOGLE_OAUTH_TOKEN_URL = google.tokenUrl;
  process.env.GOOGLE_API_ROOT = google.apiRoot;
  process.env.GOOGLE_SERVICE_ACCOUNT_KEY_FILE = google.serviceAccountKeyFile;
  let portal;
  try {
    portal = await startPortal({ mode: "production", localKeys: true });
  } catch (error) {
    await Promise.all([simulator.stop(), google.stop(), dns.stop()]);
    throw error;
  }
  const seed = await seedDemo();
  const csmEmail = seed.staff.find((s) => s.role === "csm")?.email ?? "";
  const rotation = await seedRotationDemo({ tenantId: TENANTS.harbor.id, clientId: APPS.sync.clientId, clientSecret: APPS.sync.secret, testMailbox: MAILBOXES.agent }, csmEmail);
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
      "Each state of the administrator's home, one brokerage each (new links on every start):",
      ...seed.homes.map((h) => `  ${h.key.padEnd(18)} ${h.inviteUrl}`),
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
      "Connect with Microsoft: on the invite's /submit/connect page select Sign in with Microsoft; on the simulator's",
      "consent page pick admin@harbor.example (Global Administrator) and Accept (apps@… is an Application Administrator,",
      `agent@… a plain user: both refused), then send mailbox ${MAILBOXES.agent}. Remove the consent again with`,
      `  curl --cacert .data/simulator/tls/ca.pem -X DELETE ${simulator.url}/_sim/tenants/${TENANTS.harbor.id}/enterprise-apps/${VENDOR_APP.clientId}`,
      `Rotation (${rotation.brokerage.name}, its secret expires within 60 days): ${rotation.inviteUrl}`,
      "opens the rotation page. Add a new secret to the app (standing in for the admin center) and paste its value:",
      `  curl --cacert .data/simulator/tls/ca.pem -H 'content-type: application/json' -d '{}' ${simulator.url}/_sim/apps/${APPS.sync.clientId}/secrets`,
      `Google Workspace simulator: ${google.url} (control API at ${google.url}/_sim/google)`,
      ...(seed.googleInviteUrl ? [`Invite link (Google Workspace brokerage): ${seed.googleInviteUrl}`] : []),
      "Domain and test user to type for each Google Workspace case:",
      "",
      googleScenarioTable(),
      `Fix the missing scope: curl --cacert .data/simulator/tls/ca.pem -H 'content-type: application/json' \\`,
      `  -d '{"domain":"oakridge.example","scopes":${JSON.stringify(GOOGLE_SCOPE_STRINGS)}}' ${google.url}/_sim/google/delegation`,
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
      await Promise.all([simulator.stop(), google.stop(), dns.stop()]);
    },
  };
});
