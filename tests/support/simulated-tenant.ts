import { afterAll, beforeAll } from "vitest";
import { resetEnvCache } from "@/lib/env";
import { stopSender } from "@/lib/jobs/queue";
import type { RunningSimulator } from "@/sim/server";
import { installQueue } from "./queue";
import { useTestKeyRing } from "./review-fixtures";
import { startTestSimulator } from "./simulator";

/**
 * For a test file that runs recorded verifications: a key ring, the queue's tables, and the
 * simulator over HTTPS as the portal's Microsoft, for the whole file.
 */
export function simulatedTenantForFile(): { readonly sim: RunningSimulator } {
  let sim: RunningSimulator | undefined;
  beforeAll(async () => {
    useTestKeyRing();
    await installQueue();
    sim = await startTestSimulator();
    process.env.MICROSOFT_AUTHORITY_HOST = sim.authorityHost;
    process.env.MICROSOFT_GRAPH_URL = sim.graphUrl;
    resetEnvCache();
  });
  afterAll(async () => {
    await stopSender();
    await sim?.stop();
  });
  return {
    get sim() {
      if (!sim) throw new Error("the simulator starts in beforeAll");
      return sim;
    },
  };
}
