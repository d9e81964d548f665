import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER, requestFacts, resolveClientAddress } from "./request-facts";

describe("the client address", () => {
  it("is the socket's peer with no proxy in front, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress({ socketAddress: "::ffff:192.0.2.10", forwardedFor: "6.6.6.6", hops: 0 })).toBe("192.0.2.10");
    expect(resolveClientAddress({ socketAddress: "::1", forwardedFor: undefined, hops: 0 })).toBe("::1");
  });

  it("is the entry N from the right behind N proxies", () => {
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.7", hops: 1 })).toBe("203.0.113.7");
    expect(resolveClientAddress({ socketAddress: "10.0.0.2", forwardedFor: "6.6.6.6, 203.0.113.7, 10.0.0.1", hops: 2 })).toBe("203.0.113.7");
  });

  it("falls back to the peer when a request did not pass every proxy", () => {
    expect(resolveClientAddress({ socketAddress: "198.51.100.4", forwardedFor: undefined, hops: 1 })).toBe("198.51.100.4");
    expect(resolveClientAddress({ socketAddress: "198.51.100.4", forwardedFor: "203.0.113.7", hops: 2 })).toBe("198.51.100.4");
  });

  it("is read only from the server's own header", () => {
    const headers = new Headers({ "x-forwarded-for": "6.6.6.6", "x-real-ip": "6.6.6.7", "user-agent": "Firefox" });
    expect(requestFacts(headers)).toEqual({ ip: null, userAgent: "Firefox" });
    headers.set(CLIENT_ADDRESS_HEADER, "192.0.2.10");
    expect(requestFacts(headers).ip).toBe("192.0.2.10");
  });
});
