import type postgres from "postgres";

/**
 * What PostgreSQL does with the queries a page runs: every statement the page's data
 * functions send is captured from the connection, then run again under EXPLAIN ANALYZE.
 */

export type Captured = { text: string; params: unknown[] };

/** Records every statement sent through `client` while `fn` runs. */
export async function captureQueries(client: postgres.Sql, fn: () => Promise<unknown>): Promise<Captured[]> {
  const captured: Captured[] = [];
  const original = client.unsafe.bind(client);
  const patched = ((text: string, params?: unknown[], options?: unknown) => {
    captured.push({ text, params: params ?? [] });
    return original(text, params as never, options as never);
  }) as typeof client.unsafe;
  client.unsafe = patched;
  try {
    await fn();
  } finally {
    client.unsafe = original;
  }
  return captured;
}

type PlanNode = { "Node Type": string; "Relation Name"?: string; "Index Name"?: string; "Actual Rows"?: number; Plans?: PlanNode[] };

function walk(node: PlanNode, visit: (n: PlanNode) => void) {
  visit(node);
  for (const child of node.Plans ?? []) walk(child, visit);
}

export type PlanSummary = { query: string; ms: number; scans: string[]; seqScansOnLargeTables: string[] };

/** EXPLAIN ANALYZE of one captured statement: its time and how each table was read. */
export async function explain(client: postgres.Sql, q: Captured, largeTables: Set<string>): Promise<PlanSummary> {
  const [row] = await client.unsafe(`explain (analyze, format json) ${q.text}`, q.params as never[]);
  const plan = (row as unknown as { "QUERY PLAN": [{ Plan: PlanNode; "Execution Time": number }] })["QUERY PLAN"][0];
  const scans: string[] = [];
  const seq: string[] = [];
  walk(plan.Plan, (n) => {
    if (!n["Relation Name"] && !n["Index Name"]) return;
    const label = `${n["Node Type"]}${n["Index Name"] ? ` using ${n["Index Name"]}` : ""} on ${n["Relation Name"] ?? "?"}`;
    scans.push(label);
    if (n["Node Type"] === "Seq Scan" && largeTables.has(n["Relation Name"] ?? "")) seq.push(label);
  });
  return { query: q.text.replace(/\s+/g, " ").slice(0, 110), ms: plan["Execution Time"], scans: [...new Set(scans)], seqScansOnLargeTables: seq };
}
