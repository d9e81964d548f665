import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bashSingleQuote, POWERSHELL_SINGLE_QUOTES, powershellSingleQuote } from "./quote";

/** Names that would run `touch pwned` if a shell evaluated them instead of quoting them. */
const HOSTILE = [
  "O'Brien sync",
  "'; touch pwned; echo '",
  "$(touch pwned)",
  "`touch pwned`",
  "sync; touch pwned",
  "sync && touch pwned",
  "sync | touch pwned",
  '"; touch pwned; echo "',
  "${IFS}touch${IFS}pwned",
  "$HOME $PATH $1 $@ $$",
  "\\'; touch pwned #",
  "sync\ntouch pwned",
  "!! !-1 ^x^y",
  "‘smart’ “quotes” ‚low‛",
  "'‘’‚‛; touch pwned; '",
  "$(Remove-Item pwned) @(1) $env:PATH",
  "-n",
  "%s %n %x",
  "",
];

describe("bashSingleQuote, evaluated by bash itself", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "guide-quote-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it.each(HOSTILE)("bash reads %j back as exactly that text and runs nothing", (name) => {
    const result = spawnSync("bash", ["-c", `printf '%s' ${bashSingleQuote(name)}`], { cwd: dir, encoding: "utf8" });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(name);
    expect(existsSync(path.join(dir, "pwned"))).toBe(false);
  });

  it("keeps the value intact as one word in an assignment", () => {
    const name = "a b  'c' $(touch pwned)";
    const script = `NAME=${bashSingleQuote(name)}; set -- $NAME; printf '%s|' "$NAME"; printf '%s' "$#"`;
    const result = spawnSync("bash", ["-c", script], { cwd: dir, encoding: "utf8" });
    expect(result.stdout).toBe(`${name}|5`);
    expect(existsSync(path.join(dir, "pwned"))).toBe(false);
  });

  it("refuses a NUL character, which bash cannot hold", () => {
    expect(() => bashSingleQuote("a\0b")).toThrow(/NUL/);
  });
});

/**
 * PowerShell is not installed here, so its rule is checked with a reader that follows
 * the language specification for verbatim strings: the string opens with a quote
 * character (' ‘ ’ ‚ ‛); inside, two quote characters in a row stand for the second;
 * a lone quote character closes it. No other character is special.
 */
function readPowershellVerbatim(source: string): { value: string; rest: string } {
  const isQuote = (c: string | undefined) => c !== undefined && (POWERSHELL_SINGLE_QUOTES as readonly string[]).includes(c);
  const chars = [...source];
  if (!isQuote(chars[0])) throw new Error("not a verbatim string");
  let value = "";
  for (let i = 1; i < chars.length; i++) {
    const c = chars[i]!;
    if (isQuote(c)) {
      if (isQuote(chars[i + 1])) {
        value += chars[i + 1];
        i++;
        continue;
      }
      return { value, rest: chars.slice(i + 1).join("") };
    }
    value += c;
  }
  throw new Error("unterminated string");
}

describe("powershellSingleQuote, checked by the language's rule", () => {
  it.each(HOSTILE)("the literal for %j ends where it should and reads back unchanged", (name) => {
    const literal = powershellSingleQuote(name);
    expect(readPowershellVerbatim(literal)).toEqual({ value: name, rest: "" });
    expect(readPowershellVerbatim(`${literal}; Remove-Item pwned`).rest).toBe("; Remove-Item pwned");
  });

  it("doubles every kind of single quote PowerShell recognises", () => {
    expect(powershellSingleQuote("it's")).toBe("'it''s'");
    expect(powershellSingleQuote("it’s")).toBe("'it’’s'");
    expect(powershellSingleQuote("‘a‚b‛")).toBe("'‘‘a‚‚b‛‛'");
  });

  it("leaves $, backtick and double quotes alone: they are plain text in a verbatim string", () => {
    expect(powershellSingleQuote('$(x) `n "y"')).toBe(`'$(x) \`n "y"'`);
  });
});
