import "server-only";
import { configuredEndpoints } from "../microsoft/endpoints";
import { MicrosoftRequestError } from "../microsoft/failures";
import { graphMailbox } from "../microsoft/graph-client";
import { RetryBudget } from "../microsoft/http";
import { pathSegment } from "../microsoft/identifiers";
import { acquireAppToken } from "../microsoft/token-client";
import { DEFAULT_TIMEOUTS } from "./policy";
import type { TestItem, VerificationInput } from "./types";

/**
 * Deletes test items an earlier run created and never deleted (its process died between
 * the create and the cleanup), with one token for the app that created them. Answers the
 * items that are gone: deleted now, or already gone (Graph's `ErrorItemNotFound`). Any
 * other answer (the token refused, the mailbox unknown to this app, Microsoft down)
 * leaves the item for a later try.
 */
export async function deleteLeftoverTestItems(
  credential: Pick<VerificationInput, "tenantId" | "clientId" | "clientSecret" | "clientCertificate">,
  items: readonly TestItem[],
  options: { endpoints?: { authorityHost: string; graphUrl: string } } = {},
): Promise<TestItem[]> {
  if (!items.length) return [];
  const endpoints = options.endpoints ?? configuredEndpoints();
  const budget = new RetryBudget(2_000);
  const policy = { timeoutMs: DEFAULT_TIMEOUTS.cleanupMs, budget };
  const { tenantId, clientId, clientSecret, clientCertificate } = credential;
  let accessToken: string;
  try {
    const token = await acquireAppToken(
      clientCertificate ? { tenantId, clientId, clientCertificate } : { tenantId, clientId, clientSecret: clientSecret ?? "" },
      { ...policy, timeoutMs: DEFAULT_TIMEOUTS.requestMs, authorityHost: endpoints.authorityHost, graphUrl: endpoints.graphUrl },
    );
    accessToken = token.accessToken;
  } catch (error) {
    if (error instanceof MicrosoftRequestError) return [];
    throw error;
  }
  const gone = await Promise.all(
    items.map(async (item) => {
      const mailbox = graphMailbox({ ...policy, graphUrl: endpoints.graphUrl, accessToken, clientId, mailbox: item.mailbox });
      try {
        await mailbox.delete(`/${item.kind === "event" ? "events" : "contacts"}/${pathSegment(item.id)}`);
        return true;
      } catch (error) {
        if (!(error instanceof MicrosoftRequestError)) throw error;
        const f = error.failure;
        return f.kind === "graph" && f.httpStatus === 404 && f.code === "ErrorItemNotFound";
      }
    }),
  );
  return items.filter((_, i) => gone[i]);
}
