import { generateKeyRingEntry } from "../crypto/key-ring";

const USAGE = [
  "Usage: npm run --silent cli -- keys generate [key-id]",
  "       npm run --silent cli -- keys rotate",
].join("\n");

/**
 * `keys generate [id]`: prints a new key ring entry for CREDENTIALS_KEYS.
 * `keys rotate`: re-encrypts every stored secret under the first key of CREDENTIALS_KEYS
 * (put the new entry first, keep the old ones after it until this has run).
 */
export async function run(args: string[]): Promise<number> {
  const [action, id] = args;
  if (action === "generate") {
    console.log(generateKeyRingEntry(id));
    return 0;
  }
  if (action === "rotate" && args.length === 1) return rotate();
  console.error(USAGE);
  return 64;
}

async function rotate(): Promise<number> {
  const { env } = await import("../env");
  const settings = env();
  if (!settings.DATABASE_URL || !settings.CREDENTIALS_KEYS) {
    console.error("keys rotate needs DATABASE_URL and CREDENTIALS_KEYS (new key first, old keys after it)");
    return 64;
  }
  const { rotateSecrets } = await import("../crypto/rotate-secrets");
  const { closeDb } = await import("../db/client");
  try {
    const result = await rotateSecrets();
    console.log(`Re-encrypted ${result.rotated} ${result.rotated === 1 ? "secret" : "secrets"} under key ${result.keyId}.`);
    if (result.unreadable.length) {
      console.error(
        `${result.unreadable.length} could not be opened with any key in CREDENTIALS_KEYS (attempts ${result.unreadable.join(", ")}); keep their old key and run again.`,
      );
      return 1;
    }
    return 0;
  } finally {
    await closeDb();
  }
}
