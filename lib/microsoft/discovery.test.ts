import { describe, expect, it } from "vitest";
import { readOpenIdDocument } from "./discovery";

const PUBLIC = "https://login.microsoftonline.com";

describe("reading a tenant's OpenID configuration", () => {
  it("takes the tenant id from a v1 issuer (as published for a commercial tenant)", () => {
    const doc = {
      token_endpoint: "https://login.microsoftonline.com/d746115c-c020-4bdd-a0b4-e03487e1cbc6/oauth2/token",
      issuer: "https://sts.windows.net/d746115c-c020-4bdd-a0b4-e03487e1cbc6/",
      tenant_region_scope: "NA",
      cloud_instance_name: "microsoftonline.com",
    };
    expect(readOpenIdDocument(JSON.stringify(doc), PUBLIC)).toEqual({ status: "found", tenantId: "d746115c-c020-4bdd-a0b4-e03487e1cbc6" });
  });

  it("recognises a US Government tenant by its cloud instance or region scope", () => {
    const gov = { issuer: "https://login.microsoftonline.us/8c0d0033-fc23-45a9-b8fd-d20854348156/v2.0", tenant_region_scope: "USGov", tenant_region_sub_scope: "DODCON", cloud_instance_name: "microsoftonline.us" };
    expect(readOpenIdDocument(JSON.stringify(gov), PUBLIC)).toEqual({ status: "other-cloud", cloud: "Microsoft 365 for US Government (GCC High or DoD)" });
    const regionOnly = { issuer: "https://sts.windows.net/8c0d0033-fc23-45a9-b8fd-d20854348156/", tenant_region_scope: "USGov" };
    expect(readOpenIdDocument(JSON.stringify(regionOnly), PUBLIC).status).toBe("other-cloud");
  });

  it("accepts GCC (moderate) tenants, which sign in on the worldwide service", () => {
    const gcc = { issuer: "https://login.microsoftonline.com/3b996870-a132-4b9d-8de2-f8ad4cb59aa7/v2.0", tenant_region_scope: "NA", tenant_region_sub_scope: "GCC", cloud_instance_name: "microsoftonline.com" };
    expect(readOpenIdDocument(JSON.stringify(gcc), PUBLIC).status).toBe("found");
  });

  it("accepts a government tenant when the portal itself is configured for that cloud", () => {
    const gov = { issuer: "https://login.microsoftonline.us/8c0d0033-fc23-45a9-b8fd-d20854348156/v2.0", tenant_region_scope: "USGov", cloud_instance_name: "microsoftonline.us" };
    expect(readOpenIdDocument(JSON.stringify(gov), "https://login.microsoftonline.us").status).toBe("found");
  });

  it("treats a document without a tenant as no answer", () => {
    expect(readOpenIdDocument("<html></html>", PUBLIC)).toEqual({ status: "unavailable" });
  });
});
