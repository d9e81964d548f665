import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ensureSimulatorCertificate } from "./certificate";

/**
 * NODE_EXTRA_CA_CERTS is read only when Node starts: processes that talk to the
 * simulator must be started with it naming the simulator's CA. A CA file already
 * named there is kept, in a bundle with the simulator's (one bundle per such file).
 */
export function simulatorCaFile(current = process.env.NODE_EXTRA_CA_CERTS): string {
  const { caCertPath, caPem } = ensureSimulatorCertificate();
  const resolved = current ? path.resolve(current) : undefined;
  if (!resolved || resolved === caCertPath) return caCertPath;
  const dir = path.dirname(path.dirname(caCertPath));
  const isBundle = path.dirname(resolved) === dir && /^ca-bundle-[0-9a-f]{12}\.pem$/.test(path.basename(resolved));
  const existing = readFileSync(resolved, "utf8");
  if (isBundle && existing.includes(caPem.trim())) return resolved;
  const bundlePath = isBundle ? resolved : path.join(dir, `ca-bundle-${createHash("sha256").update(resolved).digest("hex").slice(0, 12)}.pem`);
  const bundle = `${existing.trim()}\n${caPem}`;
  if (!existsSync(bundlePath) || readFileSync(bundlePath, "utf8") !== bundle) {
    // Written aside and renamed, so a process starting meanwhile never reads half a file.
    const staging = `${bundlePath}.${process.pid}`;
    writeFileSync(staging, bundle);
    renameSync(staging, bundlePath);
  }
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
