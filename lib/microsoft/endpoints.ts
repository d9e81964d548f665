import { env } from "../env";
import { pathSegment } from "./identifiers";

/**
 * Where Microsoft lives, from configuration (MICROSOFT_AUTHORITY_HOST,
 * MICROSOFT_GRAPH_URL), so the same code reaches the public cloud, a national
 * cloud or the local simulator.
 */
export type MicrosoftEndpoints = { authorityHost: string; graphUrl: string };

export function configuredEndpoints(): MicrosoftEndpoints {
  const e = env();
  return { authorityHost: e.MICROSOFT_AUTHORITY_HOST, graphUrl: e.MICROSOFT_GRAPH_URL };
}

const trim = (url: string) => url.replace(/\/+$/, "");

export const graphScope = (graphUrl: string) => `${trim(graphUrl)}/.default`;

export const authorityFor = (authorityHost: string, tenantId: string) => `${trim(authorityHost)}/${pathSegment(tenantId)}`;

export const openIdConfigurationUrl = (authorityHost: string, tenantOrDomain: string) =>
  `${authorityFor(authorityHost, tenantOrDomain)}/v2.0/.well-known/openid-configuration`;

/**
 * The OpenID metadata MSAL would otherwise fetch: supplying it saves the
 * discovery round trips and works for any host (DESIGN §5).
 */
export function msalMetadata(authorityHost: string, tenantId: string) {
  const authority = authorityFor(authorityHost, tenantId);
  const host = new URL(authorityHost).host;
  return {
    authorityMetadata: JSON.stringify({
      token_endpoint: `${authority}/oauth2/v2.0/token`,
      authorization_endpoint: `${authority}/oauth2/v2.0/authorize`,
      end_session_endpoint: `${authority}/oauth2/v2.0/logout`,
      jwks_uri: `${authority}/discovery/v2.0/keys`,
      issuer: `${authority}/v2.0`,
    }),
    cloudDiscoveryMetadata: JSON.stringify({
      tenant_discovery_endpoint: openIdConfigurationUrl(authorityHost, tenantId),
      "api-version": "1.1",
      metadata: [{ preferred_network: host, preferred_cache: host, aliases: [host] }],
    }),
  };
}

/**
 * The `cloud_instance_name` a tenant of the configured authority reports. Any host
 * that is not a known national cloud (the simulator, a test replay server) speaks
 * for the public cloud.
 */
export function expectedCloudInstance(authorityHost: string): string {
  const host = new URL(authorityHost).hostname;
  if (host.endsWith("microsoftonline.us")) return "microsoftonline.us";
  if (host.endsWith("chinacloudapi.cn") || host.endsWith("microsoftonline.cn")) return "partner.microsoftonline.cn";
  return "microsoftonline.com";
}
