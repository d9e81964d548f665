import { GOOGLE_SCOPE_STRINGS } from "../google/scopes";
import { providerOfMethod, type CredentialMethodName } from "../validation/credential-method";

/**
 * What the sync service needs to know of the provider (DESIGN §10): which one, and for
 * Google Workspace the domain (kept as the attempt's tenant) and the authorised scopes.
 */
export function handoffProviderFacts(attempt: { credentialMethod: CredentialMethodName; tenantId: string }) {
  const provider = providerOfMethod(attempt.credentialMethod);
  return provider === "google" ? { provider, domain: attempt.tenantId, scopes: GOOGLE_SCOPE_STRINGS } : { provider };
}
