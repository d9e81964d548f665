import { describe, expect, it } from "vitest";
import { TransportError } from "./http";
import { acquireMailboxSlot, MAX_CONCURRENT_PER_MAILBOX } from "./mailbox-limiter";

describe("the per-mailbox limit", () => {
  it("lets at most 4 requests per app and mailbox through at once, the rest in order", async () => {
    const key = "app|limited@harbor.example";
    const releases = await Promise.all(Array.from({ length: MAX_CONCURRENT_PER_MAILBOX }, () => acquireMailboxSlot(key)));
    const order: number[] = [];
    const fifth = acquireMailboxSlot(key).then((release) => (order.push(5), release));
    const sixth = acquireMailboxSlot(key).then((release) => (order.push(6), release));
    const other = await acquireMailboxSlot("app|other@harbor.example"); // another mailbox is not held up
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([]);
    releases[0]!();
    releases[0]!(); // a second release of the same slot changes nothing
    await new Promise((r) => setTimeout(r, 10));
    expect(order).toEqual([5]);
    releases[1]!();
    (await fifth)();
    (await sixth)();
    other();
    releases.slice(2).forEach((r) => r());
    expect(order).toEqual([5, 6]);
  });

  it("gives up waiting when the run is stopped", async () => {
    const key = "app|busy@harbor.example";
    const releases = await Promise.all(Array.from({ length: MAX_CONCURRENT_PER_MAILBOX }, () => acquireMailboxSlot(key)));
    const controller = new AbortController();
    const waiting = acquireMailboxSlot(key, controller.signal);
    controller.abort();
    await expect(waiting).rejects.toBeInstanceOf(TransportError);
    releases.forEach((r) => r());
    (await acquireMailboxSlot(key))();
  });
});
