import { getBrokerageSession } from "@/lib/auth/require-brokerage-session";
import { certificateDownload, currentBrokerageCertificate } from "@/lib/submissions/certificate";

export const dynamic = "force-dynamic";

const FORMATS = new Set(["cer", "pem"]);

/** The brokerage's current public certificate, as .cer (DER) or .pem; for its own session only, never the private key. */
export async function GET(_request: Request, { params }: { params: Promise<{ format: string }> }) {
  const { format } = await params;
  const session = await getBrokerageSession();
  const certificate = session && FORMATS.has(format) ? await currentBrokerageCertificate(session.brokerageId) : null;
  if (!certificate) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  const file = certificateDownload(certificate, format as "cer" | "pem");
  return new Response(new Uint8Array(file.body), {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": `attachment; filename="${file.filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
