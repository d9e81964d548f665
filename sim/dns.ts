import dns2 from "dns2";
import { providerZone, type DnsAnswer } from "./providers";

/**
 * A small DNS server for tests and the demo (DESIGN §6): answers MX questions for the
 * provider domains of ./providers over UDP on 127.0.0.1, so the portal's real resolver
 * (node:dns, pointed here by DNS_SERVERS) runs unchanged. `silent` never answers, to
 * play a resolver that times out.
 */

const { Packet } = dns2;
const RCODE = { NOERROR: 0, SERVFAIL: 2, NXDOMAIN: 3 } as const;

export type DnsServerOptions = {
  /** 0 picks a free port. */
  port?: number;
  /** Receives every question and answers none. */
  silent?: boolean;
  zone?: Map<string, DnsAnswer>;
};

export type RunningDnsServer = {
  /** DNS_SERVERS for processes that should use it. */
  address: string;
  port: number;
  zone: Map<string, DnsAnswer>;
  /** Questions received, as "name TYPE". */
  questions: string[];
  stop: () => Promise<void>;
};

const typeName = (type: number) => Object.entries(Packet.TYPE).find(([, v]) => v === type)?.[0] ?? String(type);

export async function startDnsServer(options: DnsServerOptions = {}): Promise<RunningDnsServer> {
  const zone = options.zone ?? providerZone();
  const questions: string[] = [];
  const server = dns2.createServer({
    udp: true,
    handle: (request, send) => {
      const question = request.questions[0];
      if (question) questions.push(`${question.name.toLowerCase()} ${typeName(question.type)}`);
      if (options.silent || !question) return;
      const response = Packet.createResponseFromRequest(request);
      response.header.aa = 1;
      const entry = zone.get(question.name.toLowerCase().replace(/\.$/, ""));
      if (!entry) response.header.rcode = RCODE.NXDOMAIN;
      else if ("rcode" in entry) response.header.rcode = RCODE[entry.rcode];
      else if (question.type === Packet.TYPE.MX) {
        for (const mx of entry.mx) {
          response.answers.push({ name: question.name, type: Packet.TYPE.MX, class: Packet.CLASS.IN, ttl: 300, exchange: mx.exchange, priority: mx.priority } as dns2.Packet.Resource);
        }
      }
      void send(response).catch(() => undefined);
    },
  });
  const addresses = await server.listen({ udp: { port: options.port ?? 0, address: "127.0.0.1" } });
  const port = addresses.udp!.port;
  return {
    address: `127.0.0.1:${port}`,
    port,
    zone,
    questions,
    stop: () => server.close(),
  };
}
