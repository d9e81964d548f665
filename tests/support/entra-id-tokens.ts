import { createSign, generateKeyPairSync, randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * Stands in for Entra ID's side of a staff sign-in: the tenant's signing keys at
 * `/<tenant>/discovery/v2.0/keys` (where better-auth's Microsoft provider fetches them)
 * and ID tokens signed with them, carrying the claims Entra documents (iss, aud, tid, oid).
 */
export async function startEntraIdTokens(tenantId: string, clientId: string) {
  const { publicKey, privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const kid = randomUUID();
  const jwk = { ...publicKey.export({ format: "jwk" }), kid, alg: "RS256", use: "sig" };
  const server: Server = createServer((req, res) => {
    if (req.url === `/${tenantId}/discovery/v2.0/keys`) {
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [jwk] }));
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const authority = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
  function idToken(claims: { oid: string; email: string; tid?: string; name?: string }) {
    const now = Math.floor(Date.now() / 1000);
    const tid = claims.tid ?? tenantId;
    const payload = { iss: `${authority}/${tid}/v2.0`, aud: clientId, sub: randomUUID(), iat: now, nbf: now, exp: now + 3600, name: claims.name ?? "Entra User", ...claims, tid };
    const unsigned = `${encode({ alg: "RS256", typ: "JWT", kid })}.${encode(payload)}`;
    return `${unsigned}.${createSign("RSA-SHA256").update(unsigned).sign(privateKey).toString("base64url")}`;
  }

  return { authority, idToken, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
