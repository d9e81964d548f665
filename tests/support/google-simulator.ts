import { readFileSync } from "node:fs";
import { ensureSimulatorCertificate } from "@/sim/certificate";
import { startGoogleSimulator, type GoogleSimulatorOptions } from "@/sim/google/server";
import { readServiceAccountKey } from "@/lib/google/service-account";

/**
 * The Google Workspace simulator for integration tests, on a random port, with the options a
 * Google run takes to reach it (endpoints and the vendor's service account key).
 */
export async function startTestGoogleSimulator(options: GoogleSimulatorOptions = {}) {
  const { caPem } = ensureSimulatorCertificate();
  const trusted = process.env.NODE_EXTRA_CA_CERTS ? readFileSync(process.env.NODE_EXTRA_CA_CERTS, "utf8") : "";
  if (!trusted.includes(caPem.trim())) throw new Error("Run these tests with NODE_EXTRA_CA_CERTS naming the simulator's CA (see COMMANDS in README)");
  const sim = await startGoogleSimulator({ port: 0, ...options });
  const account = readServiceAccountKey(sim.serviceAccountKeyFile);
  return { sim, runOptions: { endpoints: { tokenUrl: sim.tokenUrl, apiRoot: sim.apiRoot }, account } };
}
