import { handoffProviderFacts } from "./provider";
import "server-only";
import { randomUUID } from "node:crypto";
import { inAuditedTransaction } from "../audit/change";
import { openSecret } from "../crypto/secret-box";
import { db } from "../db/client";
import { logger } from "../logger";
import { certificateFacts } from "../microsoft/client-certificate";
import { readinessCounts } from "../readiness/view";
import { isGuid } from "../validation/guid";
import { getActiveCredentials, getBrokerageName } from "./active-credentials";
import { authenticateApiKey, scopeAllows, touchApiKey, type ApiKeyScope, type AuthenticatedKey } from "./api-keys";
import { consumeApiRequest } from "./rate-limit";
import { requestFacts } from "../http/request-facts";

/**
 * The sync service's API (`/api/v1/brokerages/{id}/...`): a Bearer key with the right
 * scope, a per-key rate limit, then the answer. Every error is JSON with a code and words.
 */

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return Response.json(body, { status, headers: { "cache-control": "no-store", ...headers } });
}

export const problem = (status: number, error: string, message: string, headers?: Record<string, string>) =>
  json(status, { error, message }, headers);

type Authorized = { ok: true; key: AuthenticatedKey } | { ok: false; response: Response };

/** 401 without a usable key, 403 for a key of another scope, 429 over the key's limit. */
export async function authorizeApiRequest(request: Request, scope: ApiKeyScope, now = new Date()): Promise<Authorized> {
  const key = await authenticateApiKey(request.headers.get("authorization"));
  if (!key) {
    const response = problem(401, "unauthorized", "Send a valid API key as Authorization: Bearer <key>; this one is missing, unknown or revoked.", {
      "www-authenticate": 'Bearer realm="api", error="invalid_token"',
    });
    return { ok: false, response };
  }
  if (!scopeAllows(key.scope, scope)) {
    return { ok: false, response: problem(403, "forbidden", `This key's scope is ${key.scope}; this request needs ${scope}.`) };
  }
  const rate = await consumeApiRequest(key.id, now);
  if (!rate.allowed) {
    const response = problem(429, "rate_limited", `This key may make ${rate.limit} requests a minute; try again in ${rate.retryAfterSeconds} seconds.`, {
      "retry-after": String(rate.retryAfterSeconds),
    });
    return { ok: false, response };
  }
  await touchApiKey(key.id, now);
  return { ok: true, key };
}

/** Unexpected failures are logged with an id the caller can quote; the details stay here. */
export async function guarded(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    const id = randomUUID();
    logger().error({ err: error, errorId: id }, "API request failed");
    return problem(500, "internal", `Something went wrong on our side; quote ${id} to support.`);
  }
}

/** GET /api/v1/brokerages/{id}/credentials: the active credentials, secret included; each read audited. */
export function handleCredentialsRequest(request: Request, brokerageId: string, now = new Date()): Promise<Response> {
  return guarded(async () => {
    const auth = await authorizeApiRequest(request, "credentials:read", now);
    if (!auth.ok) return auth.response;
    const notFound = problem(404, "not_found", "This brokerage has no approved credentials.");
    if (!isGuid(brokerageId)) return notFound;

    return inAuditedTransaction({ type: "api", id: auth.key.id }, requestFacts(request.headers), async ({ tx, audit, unchanged }) => {
      const active = await getActiveCredentials(tx, brokerageId);
      // `vendor-app`: nothing per brokerage to open; the sync service signs in with the vendor's own credential.
      if (active?.credentialMethod === "vendor-app") {
        return unchanged(
          json(200, {
            brokerageId: active.brokerageId,
            brokerageName: active.brokerageName,
            attemptId: active.attemptId,
            tenantId: active.tenantId,
            clientId: active.clientId,
            credentialMethod: active.credentialMethod,
            ...handoffProviderFacts(active),
            secretExpiresOn: active.secretExpiresOn,
            testMailbox: active.testMailbox,
            accessScope: active.accessScope,
            approvedAt: active.approvedAt.toISOString(),
          }),
        );
      }
      if (active?.credentialMethod === "google-delegation") {
        // Nothing sealed to open: the sync service uses the vendor's own service account for this domain.
        return unchanged(
          json(200, {
            brokerageId: active.brokerageId,
            brokerageName: active.brokerageName,
            attemptId: active.attemptId,
            credentialMethod: active.credentialMethod,
            ...handoffProviderFacts(active),
            serviceAccountClientId: active.clientId,
            testUser: active.testMailbox,
            approvedAt: active.approvedAt.toISOString(),
          }),
        );
      }
      if (!active?.secretCiphertext || !active.secretKeyId) return unchanged(notFound);
      // The secret, or with a certificate its private key: sealed alike, opened alike, audited alike.
      const opened = openSecret({ ciphertext: active.secretCiphertext, keyId: active.secretKeyId }, active.attemptId);
      const certificate = active.credentialMethod === "certificate" && active.certificateDer ? certificateFacts(active.certificateDer) : null;
      await audit({
        action: "secret.decrypted",
        subject: { type: "attempt", id: active.attemptId },
        brokerageId,
        detail: { purpose: "handoff", apiKey: auth.key.name, ...(certificate ? { method: "certificate", thumbprint: certificate.thumbprintSha256 } : {}) },
      });
      return json(200, {
        brokerageId: active.brokerageId,
        brokerageName: active.brokerageName,
        attemptId: active.attemptId,
        tenantId: active.tenantId,
        clientId: active.clientId,
        credentialMethod: active.credentialMethod,
        ...handoffProviderFacts(active),
        ...(certificate
          ? {
              certificate: {
                thumbprintSha256: certificate.thumbprintSha256,
                privateKeyPem: opened,
                certificatePem: certificate.certificatePem,
                notAfter: certificate.notAfter.toISOString(),
              },
            }
          : { clientSecret: opened }),
        secretExpiresOn: active.secretExpiresOn,
        testMailbox: active.testMailbox,
        // Agents outside an exchange-rbac scope will not sync (DESIGN §9).
        accessScope: active.accessScope,
        approvedAt: active.approvedAt.toISOString(),
      });
    });
  });
}

/** GET /api/v1/brokerages/{id}: stage and active credentials without the secret. */
export function handleBrokerageRequest(request: Request, brokerageId: string, now = new Date()): Promise<Response> {
  return guarded(async () => {
    const auth = await authorizeApiRequest(request, "brokerages:read", now);
    if (!auth.ok) return auth.response;
    const notFound = problem(404, "not_found", "There is no brokerage with this id.");
    if (!isGuid(brokerageId)) return notFound;
    const brokerage = await getBrokerageName(db(), brokerageId);
    if (!brokerage) return notFound;
    const [active, readiness] = await Promise.all([getActiveCredentials(db(), brokerageId), readinessCounts(brokerageId)]);
    return json(200, {
      brokerageId,
      brokerageName: brokerage.name,
      stage: brokerage.stage,
      // Agent mailboxes (DESIGN §11); the ready addresses are at /agents.
      readiness,
      activeCredentials: active && {
        attemptId: active.attemptId,
        tenantId: active.tenantId,
        clientId: active.clientId,
        credentialMethod: active.credentialMethod,
        ...handoffProviderFacts(active),
        ...(active.certificateThumbprint ? { certificateThumbprint: active.certificateThumbprint } : {}),
        secretExpiresOn: active.secretExpiresOn,
        accessScope: active.accessScope,
        approvedAt: active.approvedAt.toISOString(),
      },
    });
  });
}
