import "server-only";
import type { Logger } from "pino";
import type { MicrosoftEndpoints } from "../microsoft/endpoints";
import { MicrosoftRequestError } from "../microsoft/failures";
import type { RequestPolicy } from "../microsoft/http";
import { acquireAppToken } from "../microsoft/token-client";
import type { CredentialMethod, TokenCredential } from "../runs/credentials";
import { classifyTokenFailure } from "../verification/classify";
import type { Reason } from "../verification/types";
import { microsoftReadiness } from "./microsoft";
import type { ReadinessProvider } from "./provider";

/**
 * The one place a run's provider is chosen and signed in: Microsoft 365 for every
 * credential method (the opened credential says what the token request carries).
 * Google Workspace (DESIGN §10) adds its branch here, returning its own ReadinessProvider.
 */

export type ReadinessCredential = { tenantId: string; clientId: string; method: CredentialMethod; credential: TokenCredential };

export type OpenedProvider = { ok: true; provider: ReadinessProvider } | { ok: false; reason: Reason };

export async function openReadinessProvider(
  target: ReadinessCredential,
  options: { endpoints: MicrosoftEndpoints; policy: RequestPolicy; logger: Logger },
): Promise<OpenedProvider> {
  const { tenantId, clientId, credential } = target;
  try {
    const token = await acquireAppToken(
      credential.clientCertificate ? { tenantId, clientId, clientCertificate: credential.clientCertificate } : { tenantId, clientId, clientSecret: credential.clientSecret ?? "" },
      { ...options.endpoints, ...options.policy, logger: options.logger },
    );
    return {
      ok: true,
      provider: microsoftReadiness({ ...options.policy, graphUrl: options.endpoints.graphUrl, accessToken: token.accessToken, clientId, roles: token.claims?.roles ?? [] }),
    };
  } catch (error) {
    if (!(error instanceof MicrosoftRequestError)) throw error;
    const classified = classifyTokenFailure(error.failure, { secretLooksLikeSecretId: false, method: target.method === "certificate" ? "certificate" : "client-secret" });
    return { ok: false, reason: classified.reason };
  }
}
