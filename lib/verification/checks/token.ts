import { MicrosoftRequestError } from "../../microsoft/failures";
import { REQUIRED_PERMISSION_NAMES } from "../../microsoft/permissions";
import { acquireAppToken } from "../../microsoft/token-client";
import { classifyTokenFailure } from "../classify";
import type { RunContext } from "../context";
import { looksLikeSecretId } from "../../validation/credential-rules";
import { fromClassified, passed, problem, type CheckOutcome } from "../results";

/** `token`: Microsoft issues an app-only token for these client credentials. */
export async function checkToken(ctx: RunContext): Promise<CheckOutcome> {
  const { tenantId, clientId, clientSecret, clientCertificate } = ctx.input;
  try {
    ctx.token = await acquireAppToken(
      clientCertificate ? { tenantId, clientId, clientCertificate } : { tenantId, clientId, clientSecret },
      {
        authorityHost: ctx.endpoints.authorityHost,
        graphUrl: ctx.endpoints.graphUrl,
        timeoutMs: ctx.timeouts.requestMs,
        budget: ctx.budget,
        signal: ctx.signal,
        logger: ctx.logger,
      },
    );
    return passed(
      "The app signed in",
      clientCertificate
        ? "Microsoft accepted the client ID and the certificate and issued a token for Microsoft Graph."
        : "Microsoft accepted the client ID and secret value and issued a token for Microsoft Graph.",
      clientCertificate ? { method: "certificate", thumbprintSha256: clientCertificate.thumbprintSha256 } : undefined,
    );
  } catch (error) {
    if (!(error instanceof MicrosoftRequestError)) throw error;
    const needsDiscovery = error.failure.kind === "transport";
    const classified = classifyTokenFailure(error.failure, {
      secretLooksLikeSecretId: !clientCertificate && looksLikeSecretId(clientSecret),
      method: clientCertificate ? "certificate" : "client-secret",
      tenant: needsDiscovery ? await ctx.tenantLookup() : undefined,
    });
    return fromClassified(classified);
  }
}

const list = (names: readonly string[]) => names.join(", ");

/** `permissions`: the token's `roles` carry exactly the application permissions the sync needs. */
export async function checkPermissions(ctx: RunContext): Promise<CheckOutcome> {
  const claims = ctx.token?.claims;
  if (!claims) return problem("error", "unexpected", { facts: "The token Microsoft issued could not be read." });
  const granted = claims.roles;
  const missing = REQUIRED_PERMISSION_NAMES.filter((p) => !granted.includes(p));
  const extra = granted.filter((r) => !(REQUIRED_PERMISSION_NAMES as readonly string[]).includes(r));
  if (!granted.length) return problem("fail", "consent-missing", { data: { missing, granted } });
  if (missing.length) {
    return problem("fail", "permission-missing", {
      facts: `Missing: ${list(missing)}.${extra.length ? ` Not needed: ${list(extra)}.` : ""}`,
      data: { missing, extra, granted },
    });
  }
  if (extra.length) return problem("warn", "permission-excess", { facts: `Not needed: ${list(extra)}.`, data: { extra, granted } });
  return passed("Permissions granted", `${list(REQUIRED_PERMISSION_NAMES)} are granted with admin consent, and nothing more.`, { granted });
}
