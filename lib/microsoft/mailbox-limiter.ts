import { TransportError } from "./http";

/**
 * Exchange Online allows an app 4 concurrent requests per mailbox (MailboxConcurrency).
 * Every Graph request of this process to a mailbox takes a slot here first, so
 * concurrent verification runs against the same mailbox never exceed it together.
 */
export const MAX_CONCURRENT_PER_MAILBOX = 4;

type Slots = { active: number; waiting: Array<() => void> };
const mailboxes = new Map<string, Slots>();

export function mailboxKey(clientId: string, mailbox: string) {
  return `${clientId.toLowerCase()}|${mailbox.toLowerCase()}`;
}

/** Waits for a slot; the returned function gives it back (once). */
export async function acquireMailboxSlot(key: string, signal?: AbortSignal): Promise<() => void> {
  let slots = mailboxes.get(key);
  if (!slots) mailboxes.set(key, (slots = { active: 0, waiting: [] }));
  if (slots.active < MAX_CONCURRENT_PER_MAILBOX) {
    slots.active++;
  } else {
    // A releasing request hands its slot straight to the first waiter, so `active` stays put.
    await new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new TransportError("aborted"));
      const wake = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      const onAbort = () => {
        slots.waiting.splice(slots.waiting.indexOf(wake), 1);
        reject(new TransportError("aborted"));
      };
      slots.waiting.push(wake);
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }
  let released = false;
  return () => {
    if (released) return;
    released = true;
    const next = slots.waiting.shift();
    if (next) return next();
    slots.active--;
    if (slots.active === 0) mailboxes.delete(key);
  };
}
