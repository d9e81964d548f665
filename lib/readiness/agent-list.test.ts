import { describe, expect, it } from "vitest";
import { UserError } from "../errors";
import { AGENTS_MAX, readAgentAddresses, readAgentList } from "./agent-list";

describe("reading an agent list", () => {
  it("takes the address column of a CSV file with a header, lower-cased, duplicates once", () => {
    const list = readAgentList('\uFEFFName,Email\r\nAna,Ana@Harbor.example\r\n"Lee, Ben",ben@harbor.example\r\nAna again,ana@harbor.example\r\n');
    expect(list).toEqual({ addresses: ["ana@harbor.example", "ben@harbor.example"], duplicates: 1, problems: [] });
  });

  it("reads pasted addresses separated by lines, commas or semicolons", () => {
    expect(readAgentList("a@harbor.example; b@harbor.example\nc@harbor.example, mailto:d@harbor.example\n\n").addresses).toEqual([
      "a@harbor.example",
      "b@harbor.example",
      "c@harbor.example",
      "d@harbor.example",
    ]);
  });

  it("names the line and the value of each bad address", () => {
    expect(readAgentList("a@harbor.example\nnot an address\nb@@harbor.example").problems).toEqual([
      { line: 2, value: "not an address", message: "This is not an email address: it has no @." },
      { line: 3, value: "b@@harbor.example", message: "This is not an email address in the correct format, like name@example.com." },
    ]);
  });

  it("numbers a JSON list's entries from 1, and refuses an empty or oversized list", () => {
    expect(readAgentAddresses(["a@harbor.example", 42]).problems).toEqual([{ line: 2, value: "42", message: "This is not an email address: it has no @." }]);
    expect(() => readAgentList("\n \n")).toThrow(UserError);
    const many = Array.from({ length: AGENTS_MAX + 1 }, (_, i) => `agent${i}@harbor.example`);
    expect(() => readAgentAddresses(many)).toThrow(/at most 10,000/);
  });
});
