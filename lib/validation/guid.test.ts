import { describe, expect, it } from "vitest";
import { GUID_SOURCE, isGuid, normaliseGuid, tidyGuid } from "./guid";

const ID = "72218fdc-44df-46ff-a854-14242f733b05";

describe("guid", () => {
  it("accepts exactly a GUID, in any case, and nothing around it", () => {
    expect(isGuid(ID)).toBe(true);
    expect(isGuid(ID.toUpperCase())).toBe(true);
    expect(isGuid(`{${ID}}`)).toBe(false);
    expect(isGuid(` ${ID}`)).toBe(false);
    expect(isGuid("72218fdc-44df-46ff-a854")).toBe(false);
  });

  it("normalises what people paste: spaces, braces, capitals", () => {
    expect(normaliseGuid(` {${ID.toUpperCase()}} `)).toBe(ID);
    expect(normaliseGuid("{ 72218FDC-44DF-46FF-A854-14242F733B05 }")).toBe(ID);
    expect(normaliseGuid("harbor.example")).toBeNull();
    expect(tidyGuid(" {Harbor.Example} ")).toBe("harbor.example");
  });

  it("offers its shape for larger patterns", () => {
    expect(new RegExp(`/(${GUID_SOURCE})/`, "i").exec(`https://login.example/${ID}/v2.0`)?.[1]).toBe(ID);
  });
});
