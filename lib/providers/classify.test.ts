import { describe, expect, it } from "vitest";
import { classifyMx, combine, federationBrandOf, readUserRealm } from "./classify";
import { branchOf } from "./describe";
import { normaliseEmailDomain } from "./domain";
import type { MxSource, ProviderDetection } from "./types";

const mx = (...hosts: Array<[string, number]>) => hosts.map(([exchange, priority]) => ({ exchange, priority }));
const found = (...hosts: Array<[string, number]>): MxSource => ({ status: "found", records: mx(...hosts), class: classifyMx(mx(...hosts)) });
const TENANT = "72218fdc-44df-46ff-a854-14242f733b05";

describe("MX classification", () => {
  it("tells Google, Microsoft, other and none apart by the preferred hosts", () => {
    expect(classifyMx(mx(["aspmx.l.google.com", 1], ["alt1.aspmx.l.google.com", 5], ["aspmx2.googlemail.com", 10]))).toBe("google");
    expect(classifyMx(mx(["smtp.google.com", 1]))).toBe("google");
    expect(classifyMx(mx(["harbor-example.mail.protection.outlook.com.", 0]))).toBe("microsoft");
    expect(classifyMx(mx(["mx1.mailhost.example", 10], ["aspmx.l.google.com", 20]))).toBe("other");
    expect(classifyMx(mx(["eu-smtp-inbound-1.mimecast.com", 10]))).toBe("other");
    expect(classifyMx([])).toBe("none");
  });

  it("is not fooled by look-alike hosts", () => {
    expect(classifyMx(mx(["google.com.mail.example", 1]))).toBe("other");
    expect(classifyMx(mx(["notgoogle.com", 1]))).toBe("other");
    expect(classifyMx(mx(["mail.protection.outlook.com.evil.example", 1]))).toBe("other");
  });
});

describe("user realm answers", () => {
  it("reads the api-version=2.1 shape", () => {
    expect(
      readUserRealm({ NameSpaceType: "Managed", Login: "user@harbor.example", DomainName: "harbor.example", FederationBrandName: "Harbor Realty", TenantBrandingInfo: null, cloud_instance_name: "microsoftonline.com" }),
    ).toEqual({ status: "managed", brandName: "Harbor Realty", cloud: "microsoftonline.com" });
    expect(
      readUserRealm({
        NameSpaceType: "Federated",
        federation_protocol: "WSTrust",
        Login: "user@example.com",
        AuthURL: "https://sso.secureserver.net/?realm=pass&app=o365&login=user%40example.com",
        DomainName: "example.com",
        FederationBrandName: "NETORGFT1234567",
        cloud_instance_name: "microsoftonline.com",
      }),
    ).toMatchObject({ status: "federated", protocol: "WSTrust", authUrl: expect.stringContaining("secureserver.net") });
    expect(readUserRealm({ NameSpaceType: "Unknown", Login: "user@nowhere.example", DomainName: "nowhere.example" })).toEqual({ status: "unknown" });
  });

  it("reads the getuserrealm.srf shape, and treats anything else as no answer", () => {
    expect(readUserRealm({ State: 4, UserState: 1, Login: "x@harbor.example", NameSpaceType: "Managed", DomainName: "harbor.example", CloudInstanceName: "microsoftonline.com" })).toMatchObject({
      status: "managed",
      cloud: "microsoftonline.com",
    });
    expect(readUserRealm(undefined)).toEqual({ status: "unavailable" });
    expect(readUserRealm({ error: "server_error" })).toEqual({ status: "unavailable" });
  });

  it("names GoDaddy by its sign-in host or brand, and any other federation 'other'", () => {
    expect(federationBrandOf({ status: "federated", authUrl: "https://sso.secureserver.net/?realm=pass" })).toBe("godaddy");
    expect(federationBrandOf({ status: "federated", authUrl: "https://sso.godaddy.com/" })).toBe("godaddy");
    expect(federationBrandOf({ status: "federated", brandName: "GoDaddy Microsoft 365" })).toBe("godaddy");
    expect(federationBrandOf({ status: "federated", authUrl: "https://adfs.summit.example/adfs/ls/", brandName: "Summit" })).toBe("other");
    expect(federationBrandOf({ status: "federated", authUrl: "https://secureserver.net.evil.example/" })).toBe("other");
    expect(federationBrandOf({ status: "managed" })).toBeUndefined();
  });
});

describe("combining the sources", () => {
  const sources = (s: Partial<ProviderDetection["sources"]>): ProviderDetection["sources"] => ({
    openId: { status: "unavailable" },
    userRealm: { status: "unavailable" },
    mx: { status: "unavailable" },
    ...s,
  });

  it("names Microsoft 365 from the tenant or a managed realm", () => {
    expect(combine(sources({ openId: { status: "found", tenantId: TENANT }, userRealm: { status: "managed" }, mx: found(["harbor.mail.protection.outlook.com", 0]) }))).toEqual({
      kind: "microsoft-managed",
      tenantId: TENANT,
      cloud: undefined,
    });
    expect(combine(sources({ userRealm: { status: "managed" } })).kind).toBe("microsoft-managed");
    expect(combine(sources({ openId: { status: "other-cloud", cloud: "Microsoft 365 for US Government (GCC High or DoD)" } }))).toMatchObject({ kind: "microsoft-managed", cloud: expect.stringContaining("Government") });
  });

  it("names a federated realm with its brand and sign-in host", () => {
    const godaddy = combine(
      sources({ openId: { status: "found", tenantId: TENANT }, userRealm: { status: "federated", authUrl: "https://sso.secureserver.net/?realm=pass&app=o365" }, mx: found(["x.mail.protection.outlook.com", 0]) }),
    );
    expect(godaddy).toEqual({ kind: "microsoft-federated", tenantId: TENANT, cloud: undefined, federationBrand: "godaddy", signInHost: "sso.secureserver.net" });
    expect(branchOf(godaddy)).toBe("godaddy");
    expect(branchOf(combine(sources({ userRealm: { status: "federated", authUrl: "https://adfs.example.com/adfs/ls" } })))).toBe("microsoft");
  });

  it("lets Google's MX decide, even beside a tenant, since that is where the mail is", () => {
    expect(combine(sources({ openId: { status: "not-found" }, userRealm: { status: "unknown" }, mx: found(["aspmx.l.google.com", 1]) })).kind).toBe("google-workspace");
    expect(combine(sources({ mx: found(["aspmx.l.google.com", 1]) })).kind).toBe("google-workspace");
    expect(combine(sources({ openId: { status: "found", tenantId: TENANT }, mx: found(["smtp.google.com", 1]) }))).toMatchObject({ kind: "google-workspace", tenantId: TENANT });
  });

  it("says other only when Microsoft said no and DNS answered; unknown otherwise", () => {
    const no = { openId: { status: "not-found" }, userRealm: { status: "unknown" } } as const;
    expect(combine(sources({ ...no, mx: found(["mx1.mailhost.example", 10]) })).kind).toBe("other");
    expect(combine(sources({ ...no, mx: { status: "none" } })).kind).toBe("other");
    expect(combine(sources({ ...no, mx: { status: "unavailable" } })).kind).toBe("unknown");
    expect(combine(sources({ mx: found(["mx1.mailhost.example", 10]) })).kind).toBe("unknown");
    expect(combine(sources({ mx: found(["x.mail.protection.outlook.com", 0]) })).kind).toBe("microsoft-managed");
    expect(combine(sources({})).kind).toBe("unknown");
  });
});

describe("the domain typed", () => {
  it("takes an address or a domain, and refuses what is no domain name", () => {
    expect(normaliseEmailDomain(" Ada@Harbor.Example ")).toBe("harbor.example");
    expect(normaliseEmailDomain("harbor.example.")).toBe("harbor.example");
    for (const bad of ["", "localhost", "127.0.0.1", "harbor.example/evil", "a b.example", "http://harbor.example", 42]) {
      expect(normaliseEmailDomain(bad), String(bad)).toBeUndefined();
    }
  });
});
