import { generateWebhookSecret } from "../handoff/signing";

/** `webhooks secret`: prints a new WEBHOOK_SECRET (whsec_ + 32 random bytes), to share with the sync service. */
export async function run(args: string[]): Promise<number> {
  if (args[0] !== "secret" || args.length > 1) {
    console.error("Usage: npm run --silent cli -- webhooks secret");
    return 64;
  }
  console.log(generateWebhookSecret());
  return 0;
}
