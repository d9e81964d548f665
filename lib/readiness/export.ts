import "server-only";
import { allAgents, type AgentFilter } from "./view";
import { reasonLabel, STATUS_LABELS } from "./labels";

/** The agents matching a filter as CSV, streamed a page at a time (10,000 rows stay out of memory). */

const cell = (value: string) => {
  // A leading = + - @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export function agentsCsv(brokerageId: string, filter: AgentFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const rows = allAgents(brokerageId, filter);
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode("address,status,reason,meaning,microsoft code,checked at\r\n"));
        return;
      }
      const lines: string[] = [];
      for (let i = 0; i < 500; i++) {
        const next = await rows.next();
        if (next.done) {
          if (lines.length) controller.enqueue(encoder.encode(lines.join("")));
          controller.close();
          return;
        }
        const a = next.value;
        lines.push(`${[a.address, STATUS_LABELS[a.status], a.reason ?? "", reasonLabel(a.reason), a.microsoftCode ?? "", a.checkedAt?.toISOString() ?? ""].map(cell).join(",")}\r\n`);
      }
      controller.enqueue(encoder.encode(lines.join("")));
    },
  });
}
