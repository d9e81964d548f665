import { SMTPServer } from "smtp-server";

/**
 * A real SMTP server (the smtp-server package) for tests: it accepts every message
 * and keeps it, decoded enough to read the subject, the text and the HTML parts.
 */

export type ReceivedMail = { from: string; to: string[]; subject: string; text: string; html: string; raw: string };

function decodeBody(body: string, encoding: string | undefined): string {
  const e = (encoding ?? "7bit").toLowerCase();
  if (e === "base64") return Buffer.from(body.replace(/\s+/g, ""), "base64").toString("utf8");
  if (e === "quoted-printable") {
    const bytes = body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    return Buffer.from(bytes, "latin1").toString("utf8");
  }
  return body;
}

function headerValue(headers: string, name: string): string | undefined {
  const unfolded = headers.replace(/\r?\n[ \t]+/g, " ");
  return unfolded.match(new RegExp(`^${name}:\\s*(.*)$`, "im"))?.[1]?.trim();
}

/** RFC 2047 encoded words in a header, e.g. a subject with an apostrophe. */
function decodeWords(value: string): string {
  return value.replace(/=\?utf-8\?([bq])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
    kind.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decodeBody(text.replace(/_/g, " "), "quoted-printable"),
  ).replace(/\?=\s+=\?/g, "");
}

function parts(raw: string): Array<{ type: string; body: string }> {
  const [headers = "", ...rest] = raw.split(/\r?\n\r?\n/);
  const body = rest.join("\n\n");
  const type = headerValue(headers, "Content-Type") ?? "text/plain";
  const boundary = type.match(/boundary="?([^";]+)"?/i)?.[1];
  if (!boundary) return [{ type: type.split(";")[0]!.toLowerCase(), body: decodeBody(body, headerValue(headers, "Content-Transfer-Encoding")) }];
  return body
    .split(`--${boundary}`)
    .slice(1)
    .filter((p) => !p.startsWith("--"))
    .flatMap((p) => parts(p.replace(/^\r?\n/, "")));
}

export async function startMailServer(port = 0) {
  const received: ReceivedMail[] = [];
  const waiting: Array<() => void> = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (raw += chunk));
      stream.on("end", () => {
        const [headers = ""] = raw.split(/\r?\n\r?\n/);
        const all = parts(raw);
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          subject: decodeWords(headerValue(headers, "Subject") ?? ""),
          text: all.find((p) => p.type === "text/plain")?.body ?? "",
          html: all.find((p) => p.type === "text/html")?.body ?? "",
          raw,
        });
        waiting.splice(0).forEach((wake) => wake());
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const boundPort = typeof address === "object" && address ? address.port : port;

  /** The first message to `to` (waiting for it up to `timeoutMs`). */
  async function waitFor(to: string, timeoutMs = 20_000, predicate: (m: ReceivedMail) => boolean = () => true): Promise<ReceivedMail> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.find((m) => m.to.includes(to) && predicate(m));
      if (found) return found;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`No email to ${to} within ${timeoutMs} ms (received: ${received.map((m) => m.to.join(",")).join("; ") || "none"})`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        waiting.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  return {
    port: boundPort,
    url: `smtp://127.0.0.1:${boundPort}`,
    received,
    waitFor,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
