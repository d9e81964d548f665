import { SCENARIOS } from "./scenarios";

/** The scenarios as a text table: what to type for each outcome. */
export function scenarioTable(): string {
  const rows = SCENARIOS.map((s) => {
    const v = s.values;
    const expected = `${s.expected.check} ${s.expected.status}${"reason" in s.expected ? ` (${s.expected.reason})` : ""}`;
    const certificate = "clientCertificate" in v ? (v.clientCertificate as { thumbprintSha256: string } | undefined) : undefined;
    const credential = certificate ? `certificate ${certificate.thumbprintSha256.slice(0, 12)}…` : v.clientSecret;
    const scoped: { accessScope?: string; outsideMailbox?: string } = v;
    return [s.key, expected, v.tenantId, v.clientId, credential, v.testMailbox, v.secretExpiresOn ?? "", scoped.accessScope ?? "", scoped.outsideMailbox ?? ""];
  });
  const header = ["scenario", "shows", "tenant ID", "client ID", "client secret / certificate", "test mailbox", "expires", "access scope", "outside mailbox"];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  return [line(header), line(widths.map((w) => "-".repeat(w))), ...rows.map(line)].join("\n");
}
