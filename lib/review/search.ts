/**
 * Brokerage search in the queues: every word the user typed must start a word of the
 * brokerage's name ("harb real" finds "Harbor Realty"), answered from the GIN index
 * on to_tsvector('simple', name). Returns null when nothing searchable is left.
 */
export function toPrefixTsQuery(input: string): string | null {
  const words = input
    .normalize("NFKC")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .slice(0, 8);
  return words.length ? words.map((w) => `${w}:*`).join(" & ") : null;
}
