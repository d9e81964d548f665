import { readFileSync } from "node:fs";
import { Writable } from "node:stream";
import pino from "pino";
import { ensureSimulatorCertificate } from "@/sim/certificate";
import { startSimulator, type SimulatorOptions } from "@/sim/server";

/**
 * The Microsoft 365 simulator for integration tests, on a random port. The real
 * MSAL and Graph clients in the test process trust it through NODE_EXTRA_CA_CERTS,
 * which `npm test` sets (it must be set before Node starts).
 */
export async function startTestSimulator(options: SimulatorOptions = {}) {
  const { caPem } = ensureSimulatorCertificate();
  const trusted = process.env.NODE_EXTRA_CA_CERTS ? readFileSync(process.env.NODE_EXTRA_CA_CERTS, "utf8") : "";
  if (!trusted.includes(caPem.trim())) {
    throw new Error("Run these tests with `npm test -- integration`, or set NODE_EXTRA_CA_CERTS=.data/simulator/tls/ca.pem");
  }
  return startSimulator({ port: 0, ...options });
}

/** A logger at the most detailed level whose lines are kept for inspection. */
export function captureLogs() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino({ level: "trace" }, stream), text: () => lines.join("") };
}
