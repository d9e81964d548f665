import type { QueueDefinition } from "../jobs/queue";
import { PROVIDER_REFRESH_JOB, refreshBrokerageProviders } from "./brokerage-provider";

export function providerQueues(): QueueDefinition[] {
  return [{ name: PROVIDER_REFRESH_JOB, handler: async () => void (await refreshBrokerageProviders()), cron: "17 * * * *" }];
}
