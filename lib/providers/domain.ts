import { isDomainName } from "../validation/mailbox";

/**
 * A work email domain as typed: "name@brokerage.com", "brokerage.com" or " Brokerage.com. ",
 * lower-cased without the user part or a trailing dot; undefined when it is no domain name
 * (the same rule the tenant lookup applies before anything goes into a URL).
 */
export function normaliseEmailDomain(input: unknown): string | undefined {
  if (typeof input !== "string") return undefined;
  let value = input.trim().toLowerCase();
  if (value.includes("@")) value = value.slice(value.lastIndexOf("@") + 1);
  value = value.replace(/\.$/, "");
  return isDomainName(value) ? value : undefined;
}
