import { generateKeyRingEntry } from "../crypto/key-ring";

/** `keys generate [id]`: prints a new key ring entry for CREDENTIALS_KEYS. */
export async function run(args: string[]): Promise<number> {
  const [action, id] = args;
  if (action !== "generate") {
    console.error("Usage: npm run --silent cli -- keys generate [key-id]");
    return 64;
  }
  console.log(generateKeyRingEntry(id));
  return 0;
}
