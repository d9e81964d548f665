import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

describe("configuration", () => {
  it("applies the documented defaults when nothing is set", () => {
    const result = parseEnv({});
    expect(result.ok && result.env).toMatchObject({
      APP_URL: "http://localhost:3000",
      MICROSOFT_AUTHORITY_HOST: "https://login.microsoftonline.com",
      MICROSOFT_GRAPH_URL: "https://graph.microsoft.com",
      PRODUCT_NAME: "MoxiEngage",
      VENDOR_NAME: "MoxiWorks",
    });
  });

  it("gives one line per bad value, naming the variable", () => {
    const result = parseEnv({ DATABASE_URL: "mysql://x", APP_URL: "not a url", PORT: "eighty" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(3);
    expect(result.errors.find((e) => e.startsWith("DATABASE_URL"))).toContain("postgres://");
    expect(result.errors.some((e) => e.includes("APP_URL"))).toBe(true);
    expect(result.errors.some((e) => e.includes("PORT"))).toBe(true);
  });

  it("never echoes a malformed key ring back", () => {
    const result = parseEnv({ CREDENTIALS_KEYS: "k1:tooshort-secretish" });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.join("\n")).not.toContain("tooshort-secretish");
  });

  it("treats empty values as unset and trims trailing slashes from hosts", () => {
    const result = parseEnv({ DATABASE_URL: "", MICROSOFT_GRAPH_URL: "https://graph.example/" });
    expect(result.ok && result.env.DATABASE_URL).toBeUndefined();
    expect(result.ok && result.env.MICROSOFT_GRAPH_URL).toBe("https://graph.example");
  });

  it("reads DNS_SERVERS as IP addresses with optional ports, and names it in one line when wrong", () => {
    const good = parseEnv({ DNS_SERVERS: "127.0.0.1:5353, [::1]:53,9.9.9.9" });
    expect(good.ok && good.env.DNS_SERVERS).toEqual(["127.0.0.1:5353", "[::1]:53", "9.9.9.9"]);
    for (const bad of ["dns.example:53", "127.0.0.1:99999", "300.1.1.1", ","]) {
      const result = parseEnv({ DNS_SERVERS: bad });
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.errors).toEqual([expect.stringMatching(/^DNS_SERVERS must be/)]);
    }
  });
});
