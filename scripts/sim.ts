/**
 * `npm run sim -- [--port 4610] [--latency 0]`: the Microsoft 365 simulator on its
 * own (docs/simulator.md), printing the settings that point the portal at it and
 * the scenario values to type.
 */
import { parseArgs } from "node:util";
import { scenarioTable } from "../sim/scenario-table";
import { startSimulator } from "../sim/server";

const { values } = parseArgs({
  options: { port: { type: "string", default: "4610" }, latency: { type: "string", default: "0" }, quiet: { type: "boolean", default: false } },
});
const port = Number(values.port);
const latencyMs = Number(values.latency);
if (!Number.isInteger(port) || port < 0 || port > 65535 || !Number.isFinite(latencyMs) || latencyMs < 0) {
  console.error("Usage: npm run sim -- [--port 4610] [--latency 0] [--quiet]");
  process.exit(64);
}

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
    "",
    `Control API: ${sim.url}/_sim (docs/simulator.md)`,
  ].join("\n"),
);
if (!values.quiet) console.log(`\n${scenarioTable()}\n`);

const stop = async () => {
  await sim.stop();
  process.exit(0);
};
process.on("SIGINT", () => void stop());
process.on("SIGTERM", () => void stop());
