/**
 * `npm run sim -- [--port 4610] [--google-port 4612] [--dns-port 5354] [--latency 0]`: the
 * Microsoft 365 simulator, the Google Workspace simulator and the DNS server on their own
 * (docs/simulator.md), printing the settings that point the portal at them and the values to type.
 */
import { parseArgs } from "node:util";
import { startDnsServer } from "../sim/dns";
import { providerTable } from "../sim/providers";
import { scenarioTable } from "../sim/scenario-table";
import { googleScenarioTable } from "../sim/google/scenarios";
import { startGoogleSimulator } from "../sim/google/server";
import { startSimulator } from "../sim/server";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "4610" },
    "dns-port": { type: "string", default: "5354" },
    "google-port": { type: "string", default: "4612" },
    latency: { type: "string", default: "0" },
    quiet: { type: "boolean", default: false },
  },
});
const port = Number(values.port);
const dnsPort = Number(values["dns-port"]);
const googlePort = Number(values["google-port"]);
const latencyMs = Number(values.latency);
const isPort = (n: number) => Number.isInteger(n) && n >= 0 && n <= 65535;
if (!isPort(port) || !isPort(dnsPort) || !isPort(googlePort) || !Number.isFinite(latencyMs) || latencyMs < 0) {
  console.error("Usage: npm run sim -- [--port 4610] [--google-port 4612] [--dns-port 5354] [--latency 0] [--quiet]");
  process.exit(64);
}

// Started first, so the simulator answering its health check means both are ready.
const dns = await startDnsServer({ port: dnsPort }).catch((error: unknown) => {
  console.error(`Could not start the DNS server on port ${dnsPort}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const google = await startGoogleSimulator({ port: googlePort, latencyMs }).catch((error: unknown) => {
  console.error(`Could not start the Google Workspace simulator on port ${googlePort}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

const sim = await startSimulator({ port, latencyMs }).catch((error: unknown) => {
  console.error(`Could not start the simulator on port ${port}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});

console.log(
  [
    `Microsoft 365 simulator listening at ${sim.url}${latencyMs ? ` (${latencyMs} ms latency)` : ""}`,
    "",
    "Point the portal (or `npm run --silent cli -- verify`) at it with:",
    `  MICROSOFT_AUTHORITY_HOST=${sim.authorityHost}`,
    `  MICROSOFT_GRAPH_URL=${sim.graphUrl}`,
    `  NODE_EXTRA_CA_CERTS=${sim.caCertPath}`,
    `  DNS_SERVERS=${dns.address}`,
    `  GOOGLE_OAUTH_TOKEN_URL=${google.tokenUrl}`,
    `  GOOGLE_API_ROOT=${google.apiRoot}`,
    `  GOOGLE_SERVICE_ACCOUNT_KEY_FILE=${google.serviceAccountKeyFile}`,
    "",
    `Control API: ${sim.url}/_sim, and ${google.url}/_sim/google for Google Workspace (docs/simulator.md)`,
  ].join("\n"),
);
if (!values.quiet) console.log(`\nGoogle Workspace (domain and test user to type):\n\n${googleScenarioTable()}\n`);
if (!values.quiet) console.log(`\n${scenarioTable()}\n\nWork email domains for the start page:\n\n${providerTable()}\n`);

const stop = async () => {
  await Promise.all([sim.stop(), google.stop(), dns.stop()]);
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
