/**
 * `npm run --silent cli -- <command> ...`: the portal's command line for support
 * engineers and operators. Each command lives in lib/cli/<command>.ts and returns
 * its exit code (64 for bad usage).
 */
import { logToStderr } from "../lib/logger";

type Command = { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> }> };

const commands: Record<string, Command> = {
  keys: { summary: "keys generate [id] | keys rotate   print a new CREDENTIALS_KEYS entry | re-encrypt stored secrets under the first key", load: () => import("../lib/cli/keys") },
  verify: { summary: "verify --tenant --client --mailbox [--expires] [--no-send] [--json]   check credentials live (secret on stdin)", load: () => import("../lib/cli/verify") },
  staff: { summary: "staff create|password|list    manage staff accounts (the first admin, a forgotten password)", load: () => import("../lib/cli/staff") },
  webhooks: { summary: "webhooks secret               print a new WEBHOOK_SECRET", load: () => import("../lib/cli/webhooks") },
};

// People read stdout (and scripts parse --json there): log lines, warnings and worse only by default, go to stderr.
process.env.LOG_LEVEL ||= "warn";
logToStderr();

const [commandName, ...args] = process.argv.slice(2);
const command = commandName ? commands[commandName] : undefined;
if (!command) {
  console.error(["Usage: npm run --silent cli -- <command>", "", ...Object.values(commands).map((c) => `  ${c.summary}`)].join("\n"));
  process.exit(64);
}
// Exit explicitly: a command's pools and timers must not keep the process alive.
process.exit(await (await command.load()).run(args));

export {};
