import { text } from "node:stream/consumers";
import type { ICruiseResult } from "dependency-cruiser";
import { oneLineReport } from "./one-line-report";

/**
 * `depcruise … --output-type json | tsx scripts/architecture/report.ts`
 * prints the violations one a line and fails on any error, or when dependency-cruiser
 * gave no result at all (its own message is above).
 */

let result: ICruiseResult;
try {
  result = JSON.parse(await text(process.stdin));
} catch {
  console.error("architecture: dependency-cruiser gave no result");
  process.exit(2);
}
const { lines, errors } = oneLineReport(result);
console.log(lines.join("\n"));
process.exitCode = errors ? 1 : 0;
