import { existsSync, readFileSync } from "node:fs";
import { text } from "node:stream/consumers";
import type { ICruiseResult, IViolation } from "dependency-cruiser";
import { oneLineReport } from "./one-line-report";

/**
 * `depcruise … --output-type json | tsx scripts/architecture/report.ts [known-violations.json]`
 * prints the violations one a line and fails on any error, or when dependency-cruiser
 * gave no result at all (its own message is above).
 */

const knownFile = process.argv[2];
const known: IViolation[] = knownFile && existsSync(knownFile) ? JSON.parse(readFileSync(knownFile, "utf8")) : [];

let result: ICruiseResult;
try {
  result = JSON.parse(await text(process.stdin));
} catch {
  console.error("architecture: dependency-cruiser gave no result");
  process.exit(2);
}
const { lines, errors } = oneLineReport(result, known);
console.log(lines.join("\n"));
process.exitCode = errors ? 1 : 0;
