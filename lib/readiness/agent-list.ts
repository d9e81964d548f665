import { UserError } from "../errors";
import { CsvSyntaxError, parseCsv } from "../onboarding/csv";
import { isMailboxAddress } from "../validation/mailbox";

/**
 * Reads a list of agent addresses, the same way from a CSV file, a paste box and the
 * API: a header row naming an address column (email, address, mailbox, upn) picks that
 * column; without one every field of every line is an address, so one address a line
 * and comma- or semicolon-separated lists both work. Each bad line is reported with its
 * number; duplicates (any case) count once.
 */

export const AGENTS_MAX = 10_000;
export const AGENTS_MAX_BYTES = 3 * 1024 * 1024;

export type AgentLineProblem = { line: number; value: string; message: string };
export type AgentList = { addresses: string[]; duplicates: number; problems: AgentLineProblem[] };

const HEADER_NAMES = new Set(["email", "emailaddress", "address", "mailbox", "upn", "userprincipalname", "agentemail", "agent"]);
const normaliseHeader = (h: string) => h.toLowerCase().replace(/[^a-z]/g, "");

function problemOf(value: string): string | undefined {
  if (!value.includes("@")) return "This is not an email address: it has no @.";
  if (!isMailboxAddress(value)) return "This is not an email address in the correct format, like name@example.com.";
  return undefined;
}

export function readAgentList(text: string): AgentList {
  if (Buffer.byteLength(text, "utf8") > AGENTS_MAX_BYTES) {
    throw new UserError(`The list is larger than ${AGENTS_MAX_BYTES / 1024 / 1024} MB; send at most ${AGENTS_MAX.toLocaleString("en-US")} addresses.`, "agents");
  }
  // Semicolons (Outlook's separator) read like commas.
  let records;
  try {
    records = parseCsv(text.replace(/;/g, ","));
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw new UserError(`Line ${error.line}: ${error.message}`, "agents");
    throw error;
  }
  const first = records[0]?.fields.map(normaliseHeader) ?? [];
  const column = first.findIndex((h) => HEADER_NAMES.has(h));
  const rows = column >= 0 ? records.slice(1) : records;

  return collect(rows.flatMap(({ line, fields }) => (column >= 0 ? [fields[column] ?? ""] : fields).map((value) => ({ line, value }))));
}

/** A JSON list of addresses (the API): `line` is the position in the list, from 1. */
export function readAgentAddresses(values: readonly unknown[]): AgentList {
  if (values.length > AGENTS_MAX * 2) throw new UserError(`At most ${AGENTS_MAX.toLocaleString("en-US")} addresses are checked per brokerage.`, "agents");
  return collect(values.map((value, i) => ({ line: i + 1, value: typeof value === "string" ? value : JSON.stringify(value) ?? "" })));
}

function collect(entries: Array<{ line: number; value: string }>): AgentList {
  const seen = new Set<string>();
  const addresses: string[] = [];
  const problems: AgentLineProblem[] = [];
  let duplicates = 0;
  for (const entry of entries) {
    const raw = entry.value.trim();
    if (!raw) continue;
    const value = raw.replace(/^mailto:/i, "").toLowerCase();
    const message = problemOf(value);
    if (message) {
      problems.push({ line: entry.line, value: raw.slice(0, 300), message });
      continue;
    }
    if (seen.has(value)) {
      duplicates++;
      continue;
    }
    seen.add(value);
    addresses.push(value);
  }
  if (addresses.length > AGENTS_MAX) {
    throw new UserError(`The list has ${addresses.length.toLocaleString("en-US")} addresses; at most ${AGENTS_MAX.toLocaleString("en-US")} are checked per brokerage.`, "agents");
  }
  if (!addresses.length && !problems.length) throw new UserError("The list is empty: give at least one agent's email address.", "agents");
  return { addresses, duplicates, problems };
}
