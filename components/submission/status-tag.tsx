import { Tag, type TagTone } from "@/components/form/tag";
import type { LiveStatus } from "@/lib/submissions/views";

/** One check's status in words and colour, the same for the administrator and for staff. */
const TAGS: Record<LiveStatus, { text: string; tone: TagTone }> = {
  waiting: { text: "Waiting", tone: "grey" },
  running: { text: "Checking", tone: "blue" },
  pass: { text: "Passed", tone: "green" },
  warn: { text: "Warning", tone: "yellow" },
  fail: { text: "Failed", tone: "red" },
  skipped: { text: "Not run", tone: "grey" },
  error: { text: "Could not check", tone: "orange" },
};

/** A stored check status: "pending" is what the administrator sees as waiting. */
const liveStatus = (status: string): LiveStatus | null => (status === "pending" ? "waiting" : status in TAGS ? (status as LiveStatus) : null);

function tagOf(status: string): { text: string; tone: TagTone } {
  const live = liveStatus(status);
  return live ? TAGS[live] : { text: status, tone: "grey" };
}

export function StatusTag({ status }: { status: LiveStatus | string }) {
  const tag = tagOf(status);
  return <Tag tone={tag.tone}>{tag.text}</Tag>;
}

/** The status in words inside a sentence or a table cell ("passed", "could not check"). */
export const statusWord = (status: string) => tagOf(status).text.toLowerCase();
