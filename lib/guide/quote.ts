/**
 * Quoting for values placed inside the generated setup scripts. Each returns a
 * single-quoted literal: the shell takes every character inside it as text, so a
 * name holding quotes, `$(...)`, backticks or semicolons can never run code.
 */

/**
 * Bash: nothing is special inside '...' except the closing quote, so each ' becomes
 * '\'' (close, an escaped quote, reopen). NUL cannot live in a bash string at all.
 */
export function bashSingleQuote(value: string): string {
  if (value.includes("\0")) throw new Error("A bash string cannot contain a NUL character");
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/**
 * PowerShell treats the typographic quotes ‘ ’ ‚ ‛ exactly like ' (NOTE: the language
 * specification, §2.3.5.2 "single-quote-character"), so any of them could end the
 * string. Inside a verbatim string, two quote characters in a row stand for one:
 * each is doubled. Nothing else ($, `, ") is special in a single-quoted string.
 */
export const POWERSHELL_SINGLE_QUOTES = ["'", "\u2018", "\u2019", "\u201A", "\u201B"] as const;

export function powershellSingleQuote(value: string): string {
  const doubled = value.replace(/['\u2018\u2019\u201A\u201B]/g, (q) => q + q);
  return `'${doubled}'`;
}
