import { describe, expect, it } from "vitest";
import { globalAdminMailto } from "./admin-mail";

describe("globalAdminMailto", () => {
  const href = globalAdminMailto({ productName: "MoxiEngage", guideUrl: "https://portal.example/guide", appName: "MoxiEngage sync" });
  const url = new URL(href);
  const body = url.searchParams.get("body")!;

  it("is a mailto with no recipient, so the administrator chooses who gets it", () => {
    expect(url.protocol).toBe("mailto:");
    expect(url.pathname).toBe("");
  });

  it("names the app, the three permissions, the roles that can grant them and the consent step's clicks", () => {
    expect(url.searchParams.get("subject")).toBe("Please grant admin consent for the MoxiEngage sync app");
    expect(body).toContain("The app: MoxiEngage sync");
    expect(body).toContain("Step 4: Grant admin consent:");
    expect(body).toContain("Select API permissions.");
    expect(body).toContain("Grant admin consent for, followed by our organisation's name, then Yes");
    expect(body).toContain("https://portal.example/guide#grant-consent");
    expect(body).toContain("Calendars.ReadWrite, Contacts.ReadWrite, Mail.Send");
    expect(body).toContain("Global Administrator or a Privileged Role Administrator");
  });

  it("carries the client ID when it is known, and never a secret or token", () => {
    expect(href).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/i);
    const clientId = "c3f1e7a2-5b8d-4e0f-9a61-2d4b7c8e9f10";
    const known = new URL(globalAdminMailto({ productName: "MoxiEngage", guideUrl: "https://portal.example/guide", appName: "MoxiEngage sync", clientId }));
    expect(known.searchParams.get("body")).toContain(`Application (client) ID: ${clientId}`);
    expect(known.href).not.toMatch(/secret|token|invite/i);
  });
});
