import "server-only";
import { inAuditedTransaction } from "../audit/change";
import { db } from "../db/client";
import { UserError } from "../errors";
import { AGENTS_MAX, AGENTS_MAX_BYTES, readAgentAddresses, readAgentList } from "../readiness/agent-list";
import { submitAgentList } from "../readiness/agents";
import { latestReadinessRun, readinessCounts, readyAddresses } from "../readiness/view";
import { isGuid } from "../validation/guid";
import { getBrokerageName } from "./active-credentials";
import { authorizeApiRequest, guarded, json, problem } from "./credentials-api";
import { requestFacts } from "../http/request-facts";

/**
 * The sync service's agent list (DESIGN §11):
 * - `PUT /api/v1/brokerages/{id}/agents` (`agents:write`): the whole list, as JSON
 *   `{ "agents": ["…", …] }` or a CSV / plain-text body; idempotent (the same list twice
 *   changes nothing); any bad address answers 422 with one line per problem and stores nothing.
 * - `GET /api/v1/brokerages/{id}/agents` (`brokerages:read`): readiness counts, the latest
 *   run and the ready addresses, the ones the sync can use.
 */

async function readBody(request: Request) {
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > AGENTS_MAX_BYTES) throw new UserError(`The body is larger than ${AGENTS_MAX_BYTES / 1024 / 1024} MB; send at most ${AGENTS_MAX.toLocaleString("en-US")} addresses.`);
  const text = await request.text();
  if ((request.headers.get("content-type") ?? "").includes("json")) {
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new UserError('The body is not valid JSON; send { "agents": ["agent@example.com", …] }.');
    }
    const agents = body && typeof body === "object" ? (body as { agents?: unknown }).agents : undefined;
    if (!Array.isArray(agents)) throw new UserError('Send { "agents": ["agent@example.com", …] }: the agents field must be a list of addresses.');
    return readAgentAddresses(agents);
  }
  return readAgentList(text);
}

export function handleAgentsPut(request: Request, brokerageId: string, now = new Date()): Promise<Response> {
  return guarded(async () => {
    const auth = await authorizeApiRequest(request, "agents:write", now);
    if (!auth.ok) return auth.response;
    const notFound = problem(404, "not_found", "There is no brokerage with this id.");
    if (!isGuid(brokerageId) || !(await getBrokerageName(db(), brokerageId))) return notFound;
    let outcome;
    try {
      const actor = { type: "api" as const, id: auth.key.id };
      outcome = await submitAgentList(brokerageId, await readBody(request), {
        change: (fn) => inAuditedTransaction(actor, requestFacts(request.headers), fn),
        actor,
        triggeredBy: null,
        origin: requestFacts(request.headers),
      });
    } catch (error) {
      if (error instanceof UserError) return problem(422, "invalid_agents", error.message);
      throw error;
    }
    if (!outcome.ok) {
      return json(422, {
        error: "invalid_agents",
        message: `${outcome.problems.length} ${outcome.problems.length === 1 ? "address is" : "addresses are"} not in the correct format; nothing was stored. Fix ${outcome.problems.length === 1 ? "it" : "them"} and send the whole list again.`,
        problems: outcome.problems,
      });
    }
    return json(200, { ...outcome.report, readinessRunId: outcome.runId });
  });
}

export function handleAgentsGet(request: Request, brokerageId: string, now = new Date()): Promise<Response> {
  return guarded(async () => {
    const auth = await authorizeApiRequest(request, "brokerages:read", now);
    if (!auth.ok) return auth.response;
    const notFound = problem(404, "not_found", "There is no brokerage with this id.");
    if (!isGuid(brokerageId) || !(await getBrokerageName(db(), brokerageId))) return notFound;
    const [counts, run, ready] = await Promise.all([readinessCounts(brokerageId), latestReadinessRun(brokerageId), readyAddresses(brokerageId)]);
    return json(200, {
      brokerageId,
      counts,
      latestRun: run && { id: run.id, status: run.status, reason: run.reason, total: run.total, checked: run.checked, ready: run.ready, finishedAt: run.finishedAt?.toISOString() ?? null },
      ready,
    });
  });
}
