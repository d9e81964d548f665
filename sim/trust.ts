import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureSimulatorCertificate } from "./certificate";

/**
 * NODE_EXTRA_CA_CERTS is read only when Node starts, so a script that talks to the
 * simulator in its own process (demo, bench) re-runs itself with it set. Any CA file
 * already named there is kept, in a bundle with the simulator's.
 */
export async function relaunchTrustingSimulator(): Promise<void> {
  const { caCertPath, caPem } = ensureSimulatorCertificate();
  const bundlePath = path.join(path.dirname(caCertPath), "..", "ca-bundle.pem");
  const current = process.env.NODE_EXTRA_CA_CERTS ? path.resolve(process.env.NODE_EXTRA_CA_CERTS) : undefined;
  if (current === caCertPath || current === bundlePath) return;
  let target = caCertPath;
  if (current) {
    writeFileSync(bundlePath, `${readFileSync(current, "utf8").trim()}\n${caPem}`);
    target = bundlePath;
  }
  const child = spawn(process.execPath, [...process.execArgv, ...process.argv.slice(1)], {
    stdio: "inherit",
    env: { ...process.env, NODE_EXTRA_CA_CERTS: target },
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  const code = await new Promise<number>((resolve) => child.on("exit", (c, s) => resolve(c ?? (s ? 1 : 0))));
  process.exit(code);
}
