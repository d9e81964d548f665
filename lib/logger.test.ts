import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { lines, logger: createLogger(stream) };
}

describe("logging", () => {
  it("redacts secret and token fields at any depth", () => {
    const { lines, logger } = capture();
    logger.info(
      {
        clientSecret: "abc8Q~secret-value",
        attempt: { secret: "nested-secret", tenantId: "t1" },
        response: { access_token: "eyJ.token" },
        req: { headers: { authorization: "Bearer eyJ.token", cookie: "s=1" } },
      },
      "submitted",
    );
    const out = lines.join("");
    expect(out).toContain("t1");
    for (const leaked of ["abc8Q~secret-value", "nested-secret", "eyJ.token", "s=1"]) expect(out).not.toContain(leaked);
  });
});
