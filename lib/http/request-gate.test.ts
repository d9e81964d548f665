import { describe, expect, it } from "vitest";
import { BODY_LIMIT_BYTES, refusalOf } from "./request-gate";

const post = (headers: Record<string, string>, url = "/submit") => ({ method: "POST", url, headers: { host: "portal.example", ...headers } });

describe("the request gate in front of Next", () => {
  it("refuses form posts from another site with 403", () => {
    expect(refusalOf(post({ origin: "https://evil.example" }))?.status).toBe(403);
    expect(refusalOf(post({ origin: "null" }))?.status).toBe(403);
    expect(refusalOf(post({ origin: "https://portal.example" }))).toBeNull();
    expect(refusalOf(post({ origin: "https://portal.example", host: "internal:3000", "x-forwarded-host": "portal.example" }))).toBeNull();
  });

  it("refuses bodies over 1 MB with 413 and multipart without a boundary with 400", () => {
    expect(refusalOf(post({ "content-length": String(BODY_LIMIT_BYTES + 1) }))?.status).toBe(413);
    expect(refusalOf(post({ "content-length": String(BODY_LIMIT_BYTES) }))).toBeNull();
    expect(refusalOf(post({ "content-type": "multipart/form-data" }))?.status).toBe(400);
    expect(refusalOf(post({ "content-type": "multipart/form-data; boundary=----x" }))).toBeNull();
  });

  it("leaves reads and API routes alone", () => {
    expect(refusalOf({ method: "GET", url: "/", headers: { origin: "https://evil.example" } })).toBeNull();
    expect(refusalOf(post({ origin: "https://evil.example", "content-length": "9999999" }, "/api/handoff/brokerages"))).toBeNull();
  });
});
