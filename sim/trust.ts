import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureSimulatorCertificate } from "./certificate";

/**
 * NODE_EXTRA_CA_CERTS is read only when Node starts: processes that talk to the
 * simulator must be started with it naming the simulator's CA. A CA file already
 * named there is kept, in a bundle with the simulator's.
 */
export function simulatorCaFile(current = process.env.NODE_EXTRA_CA_CERTS): string {
  const { caCertPath, caPem } = ensureSimulatorCertificate();
  const bundlePath = path.join(path.dirname(caCertPath), "..", "ca-bundle.pem");
  const resolved = current ? path.resolve(current) : undefined;
  if (!resolved || resolved === caCertPath) return caCertPath;
  if (resolved === bundlePath) return bundlePath;
  writeFileSync(bundlePath, `${readFileSync(resolved, "utf8").trim()}\n${caPem}`);
  return bundlePath;
}

/**
 * For scripts that talk to the simulator in their own process (demo, bench):
 * re-runs this process with NODE_EXTRA_CA_CERTS set, unless it already is, and
 * exits with the child's status. Returns only in a process that trusts the simulator.
 */
export async function relaunchTrustingSimulator(): Promise<void> {
  const target = simulatorCaFile();
  const current = process.env.NODE_EXTRA_CA_CERTS;
  if (current && path.resolve(current) === target) return;
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, NODE_EXTRA_CA_CERTS: target },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
  process.exit(code);
}
