import { describe, expect, it } from "vitest";
import { globalAdminMailto } from "./admin-mail";

describe("globalAdminMailto", () => {
  const href = globalAdminMailto({ productName: "MoxiEngage", guideUrl: "https://portal.example/guide" });
  const url = new URL(href);

  it("is a mailto with no recipient, so the administrator chooses who gets it", () => {
    expect(url.protocol).toBe("mailto:");
    expect(url.pathname).toBe("");
  });

  it("links to the consent step and names the three permissions and the roles that can grant them", () => {
    const body = url.searchParams.get("body")!;
    expect(url.searchParams.get("subject")).toBe("Please grant admin consent for the MoxiEngage app");
    expect(body).toContain("https://portal.example/guide#grant-consent");
    expect(body).toContain("Calendars.ReadWrite, Contacts.ReadWrite, Mail.Send");
    expect(body).toContain("Global Administrator or a Privileged Role Administrator");
  });

  it("carries no secret, ID or token: only the guide's public address", () => {
    expect(href).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
    expect(href).not.toMatch(/secret|token|invite/i);
  });
});
