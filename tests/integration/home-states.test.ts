import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedHomeStates } from "@/lib/demo/home-states";
import { stopSender } from "@/lib/jobs/queue";
import { getHomeState } from "@/lib/submissions/home";
import { installQueue } from "../support/queue";
import { useTestKeyRing } from "../support/review-fixtures";

beforeAll(async () => {
  useTestKeyRing();
  await installQueue();
});
afterAll(stopSender);

describe("the administrator's home", () => {
  it("reaches every state from the demo's seed, and seeding again keeps them", async () => {
    const first = await seedHomeStates("csm-demo");
    for (const home of first) {
      const state = await getHomeState(home.brokerageId);
      expect(state.kind, home.name).toBe(home.key);
    }
    const changes = await getHomeState(first.find((h) => h.key === "changes-requested")!.brokerageId);
    expect(changes).toMatchObject({ kind: "changes-requested", note: expect.stringContaining("grant consent") });
    if (changes.kind === "changes-requested") expect(changes.problems.map((p) => p.id)).toEqual(["permissions"]);
    const expiring = await getHomeState(first.find((h) => h.key === "expiring")!.brokerageId);
    expect(expiring).toMatchObject({ kind: "expiring", daysLeft: 20 });

    const again = await seedHomeStates("csm-demo");
    expect(again.map((h) => h.brokerageId)).toEqual(first.map((h) => h.brokerageId));
    expect(again.map((h) => h.inviteUrl)).not.toEqual(first.map((h) => h.inviteUrl));
  });

  it("has not started for a brokerage without attempts", async () => {
    const { brokerageWithInvite } = await import("../support/brokerages");
    const { brokerage } = await brokerageWithInvite("Fresh Home Realty");
    expect(await getHomeState(brokerage.id)).toEqual({ kind: "not-started" });
  });
});
