import "server-only";
import {
  ConfidentialClientApplication,
  LogLevel,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from "@azure/msal-node";
import type { Logger } from "pino";
import { isGuid } from "../validation/guid";
import { readAccessTokenClaims, type AppTokenClaims } from "./access-token";
import type { ClientCertificate } from "./client-certificate";
import { authorityFor, graphScope, msalMetadata } from "./endpoints";
import { aadFailureFromText, MicrosoftRequestError } from "./failures";
import { parseJson, requestWithRetries, TransportError, type RequestPolicy } from "./http";
import { failureFromMsalError, type TokenExchangeRecord } from "./msal-errors";

/**
 * App-only tokens for Microsoft Graph through MSAL: a new ConfidentialClientApplication
 * per request with the cache skipped (a revoked secret is never masked by a cached
 * token), the authority metadata supplied (no discovery round trip), and our own
 * network client, because MSAL has no timeout of its own.
 */

/** A client secret, or a certificate whose private key signs the client assertion (DESIGN §9). */
export type ClientCredentials =
  | { tenantId: string; clientId: string; clientSecret: string; clientCertificate?: undefined }
  | { tenantId: string; clientId: string; clientCertificate: ClientCertificate; clientSecret?: undefined };

export type AppToken = { accessToken: string; claims: AppTokenClaims | undefined; expiresOn?: Date };

export type TokenRequestOptions = RequestPolicy & { authorityHost: string; graphUrl: string; logger?: Logger };

/**
 * MSAL accepts only https authorities. A plain-http authority host (a local test
 * server) is given to MSAL as https, and the network client sends to it over http.
 */
function msalAuthorityHost(authorityHost: string) {
  const url = new URL(authorityHost);
  if (url.protocol !== "http:") return { host: authorityHost, toWire: (u: string) => u };
  const asHttps = `https://${url.host}`;
  return { host: asHttps, toWire: (u: string) => (u.startsWith(`${asHttps}/`) ? `http://${url.host}${u.slice(asHttps.length)}` : u) };
}

/** MSAL's network module on fetch: bounded attempts, our retry policy, and a record of error answers. */
class BoundedNetworkClient implements INetworkModule {
  readonly record: TokenExchangeRecord = {};
  constructor(
    private readonly policy: RequestPolicy,
    private readonly toWire: (url: string) => string,
  ) {}

  sendGetRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, "GET", options);
  }

  sendPostRequestAsync<T>(url: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    return this.send<T>(url, "POST", options);
  }

  private async send<T>(url: string, method: string, options?: NetworkRequestOptions): Promise<NetworkResponse<T>> {
    try {
      const result = await requestWithRetries(this.toWire(url), { method, headers: options?.headers, body: options?.body }, this.policy);
      if (result.status >= 400) {
        this.record.httpStatus = result.status;
        this.record.aad = aadFailureFromText(result.text, result.status);
      }
      return {
        status: result.status,
        headers: Object.fromEntries(result.headers.entries()),
        body: (parseJson(result.text) ?? {}) as T,
      };
    } catch (error) {
      if (error instanceof TransportError) this.record.transport = error.transport;
      throw error;
    }
  }
}

/** MSAL's own errors reach the caller as results; its log is detail for debugging. */
const msalLevels: Record<LogLevel, "debug" | "trace"> = {
  [LogLevel.Error]: "debug",
  [LogLevel.Warning]: "debug",
  [LogLevel.Info]: "trace",
  [LogLevel.Verbose]: "trace",
  [LogLevel.Trace]: "trace",
};

export async function acquireAppToken(credentials: ClientCredentials, options: TokenRequestOptions): Promise<AppToken> {
  if (!isGuid(credentials.tenantId) || !isGuid(credentials.clientId)) throw new TypeError("tenantId and clientId must be GUIDs");
  const authority = msalAuthorityHost(options.authorityHost);
  const network = new BoundedNetworkClient(options, authority.toWire);
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: credentials.clientId,
      ...(credentials.clientCertificate
        ? {
            // MSAL signs a fresh assertion (RS256 with PKCS#1, or PS256) with an x5t#S256 header; x5c sends the certificate.
            clientCertificate: {
              thumbprintSha256: credentials.clientCertificate.thumbprintSha256,
              privateKey: credentials.clientCertificate.privateKeyPem,
              x5c: credentials.clientCertificate.certificatePem,
            },
          }
        : { clientSecret: credentials.clientSecret }),
      authority: authorityFor(authority.host, credentials.tenantId),
      ...msalMetadata(authority.host, credentials.tenantId),
    },
    system: {
      networkClient: network,
      loggerOptions: {
        piiLoggingEnabled: false,
        logLevel: LogLevel.Info,
        loggerCallback: (level, message, containsPii) => {
          if (!containsPii) options.logger?.[msalLevels[level]]({ source: "msal" }, message);
        },
      },
    },
  });
  try {
    const result = await app.acquireTokenByClientCredential({ scopes: [graphScope(options.graphUrl)], skipCache: true });
    if (!result?.accessToken) throw new MicrosoftRequestError({ kind: "client", code: "no_access_token" });
    return {
      accessToken: result.accessToken,
      claims: readAccessTokenClaims(result.accessToken),
      expiresOn: result.expiresOn ?? undefined,
    };
  } catch (error) {
    if (error instanceof MicrosoftRequestError) throw error;
    throw new MicrosoftRequestError(failureFromMsalError(error, network.record));
  }
}
