import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { z } from "zod";
import { inAuditedTransaction } from "../audit/change";
import { linkMicrosoftIdentity } from "../auth/microsoft-link";
import { ROLE_LABELS, STAFF_ROLES } from "../auth/roles";
import { createStaffAccount, listStaffAccounts, NewStaffSchema, setStaffPassword, staffPassword } from "../auth/staff-accounts";
import { UserError } from "../errors";
import { closeDb, db } from "../db/client";
import { runMigrations } from "../db/migrate";
import { env, resetEnvCache } from "../env";

/**
 * `staff create --email <address> --name <name> --role <onboarding|csm|admin>`
 * `staff password --email <address>`
 * `staff list`
 * `staff link-microsoft --email <address> --tenant <tid> --object-id <oid>`
 * The password is read from standard input (first line) when piped, or asked for twice
 * without echo at a terminal; it is never an argument, so it stays out of shell history.
 * Uses DATABASE_URL, or the embedded database of `npm run demo`/`npm run dev`.
 */

const USAGE = [
  "Usage:",
  "  npm run --silent cli -- staff create --email <address> --name <full name> --role <onboarding|csm|admin>",
  "  npm run --silent cli -- staff password --email <address>",
  "  npm run --silent cli -- staff list",
  "  npm run --silent cli -- staff link-microsoft --email <address> --tenant <tenant id> --object-id <object id>",
  "The password is read from standard input, or asked for at a terminal.",
].join("\n");

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    let input = "";
    for await (const chunk of process.stdin) input += chunk;
    return input.split(/\r?\n/)[0] ?? "";
  }
  const ask = (question: string) =>
    new Promise<string>((resolve) => {
      const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
      // Echo nothing while the password is typed.
      (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
        if (s.includes(question)) process.stdout.write(question);
      };
      rl.question(question, (answer) => {
        rl.close();
        process.stdout.write("\n");
        resolve(answer);
      });
    });
  const first = await ask("Password: ");
  const second = await ask("Password again: ");
  if (first !== second) throw new UserError("The two passwords are different");
  return first;
}

class DatabaseUnreachable extends Error {}

/** DATABASE_URL, or the embedded one: reached if the demo is running, started for this command if not. */
async function openDatabase(): Promise<() => Promise<void>> {
  let stopEmbedded: (() => Promise<void>) | undefined;
  let url = env().DATABASE_URL;
  if (!url) {
    const { checkConnection, EMBEDDED_PORT, resolveDatabase, runningEmbeddedPort } = await import("../runtime/database");
    url = `postgres://postgres:postgres@127.0.0.1:${runningEmbeddedPort() ?? EMBEDDED_PORT}/portal`;
    try {
      await checkConnection(url, 2);
    } catch {
      const embedded = await resolveDatabase(undefined).catch((error: Error) => {
        throw new DatabaseUnreachable(error.message);
      });
      url = embedded.url;
      stopEmbedded = embedded.embedded?.stop;
    }
    process.env.DATABASE_URL = url;
    resetEnvCache();
  }
  await runMigrations(url).catch((error: Error) => {
    const reason = error.cause instanceof Error ? error.cause.message : error.message;
    throw new DatabaseUnreachable(`Cannot use the PostgreSQL database in DATABASE_URL: ${reason}`);
  });
  return async () => {
    await closeDb();
    await stopEmbedded?.();
  };
}

function firstProblem(error: z.ZodError) {
  return error.issues[0]?.message ?? "Check the values";
}

async function create(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string" } }, strict: true });
  if (!values.email || !values.name || !values.role) {
    console.error(USAGE);
    return 64;
  }
  const password = await readPassword();
  const parsed = NewStaffSchema.safeParse({ ...values, password });
  if (!parsed.success) {
    console.error(firstProblem(parsed.error) + (values.role && !(STAFF_ROLES as readonly string[]).includes(values.role) ? ` (${STAFF_ROLES.join(", ")})` : ""));
    return 64;
  }
  const close = await openDatabase();
  try {
    const { id } = await inAuditedTransaction({ type: "system", id: "cli" }, null, (change) => createStaffAccount(change, parsed.data));
    console.log(`Created ${ROLE_LABELS[parsed.data.role].toLowerCase()} ${parsed.data.email} (${id}). Sign in at ${env().APP_URL}/staff/sign-in`);
    return 0;
  } finally {
    await close();
  }
}

async function password(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: "string" } }, strict: true });
  if (!values.email) {
    console.error(USAGE);
    return 64;
  }
  const parsed = staffPassword.safeParse(await readPassword());
  if (!parsed.success) {
    console.error(firstProblem(parsed.error));
    return 64;
  }
  const close = await openDatabase();
  try {
    const email = values.email.trim().toLowerCase();
    await inAuditedTransaction({ type: "system", id: "cli" }, null, (change) => setStaffPassword(change, email, parsed.data));
    console.log(`New password set for ${email}; their sessions were ended.`);
    return 0;
  } finally {
    await close();
  }
}

async function list(): Promise<number> {
  const close = await openDatabase();
  try {
    for (const a of await listStaffAccounts(db())) {
      console.log([a.email, a.role, a.disabledAt ? "disabled" : "active", a.name].join("\t"));
    }
    return 0;
  } finally {
    await close();
  }
}

async function linkMicrosoft(args: string[]): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: "string" }, tenant: { type: "string" }, "object-id": { type: "string" } }, strict: true });
  if (!values.email || !values.tenant || !values["object-id"]) {
    console.error(USAGE);
    return 64;
  }
  const identity = { tenantId: values.tenant, objectId: values["object-id"] };
  const close = await openDatabase();
  try {
    await inAuditedTransaction({ type: "system", id: "cli" }, null, (change) => linkMicrosoftIdentity(change, values.email!, identity));
    console.log(`${values.email} now signs in with that Microsoft identity.`);
    return 0;
  } finally {
    await close();
  }
}

async function dispatch(action: string | undefined, rest: string[]): Promise<number> {
  try {
    if (action === "create") return await create(rest);
    if (action === "password") return await password(rest);
    if (action === "list") return await list();
    if (action === "link-microsoft") return await linkMicrosoft(rest);
    console.error(USAGE);
    return 64;
  } catch (error) {
    if (error instanceof UserError || error instanceof DatabaseUnreachable) {
      console.error(error.message);
      return 1;
    }
    if (error instanceof TypeError && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS")) {
      console.error(`${error.message}\n${USAGE}`);
      return 64;
    }
    throw error;
  }
}

export async function run(args: string[]): Promise<number> {
  const [action, ...rest] = args;
  return dispatch(action, rest);
}
