import { describe, expect, it } from "vitest";
import { CsvSyntaxError, parseCsv } from "./csv";

describe("parseCsv", () => {
  it("reads plain rows with CRLF or LF line ends and skips blank lines", () => {
    expect(parseCsv("a,b\r\nc,d\n\n e ,f\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 2, fields: ["c", "d"] },
      { line: 4, fields: [" e ", "f"] },
    ]);
  });

  it("reads quoted fields with commas, doubled quotes and line breaks, keeping each record's first line", () => {
    const records = parseCsv('name,note\n"Harbor, Realty","says ""hi""\nand bye"\nlast,one');
    expect(records).toEqual([
      { line: 1, fields: ["name", "note"] },
      { line: 2, fields: ["Harbor, Realty", 'says "hi"\nand bye'] },
      { line: 4, fields: ["last", "one"] },
    ]);
  });

  it("drops the byte-order mark Excel writes and keeps empty fields", () => {
    expect(parseCsv("\uFEFFa,,c")).toEqual([{ line: 1, fields: ["a", "", "c"] }]);
  });

  it("names the line of a quote that is never closed", () => {
    expect(() => parseCsv('a,b\n"open,c\nd')).toThrow(CsvSyntaxError);
    expect(() => parseCsv('a,b\n"open,c\nd')).toThrow("line 2");
  });
});
