import { ClientAuthError, InteractionRequiredAuthError, ServerError } from "@azure/msal-node";
import { describe, expect, it } from "vitest";
import { aadFailureFromText, graphFailureFromBody, type MicrosoftFailure } from "../microsoft/failures";
import { failureFromMsalError } from "../microsoft/msal-errors";
import { classifyGraphFailure, classifyTokenFailure } from "./classify";

/**
 * Bodies as Microsoft sent them, quoted in public issue reports (ids as published;
 * made up only where a report hid them), so the classifier is held to real answers,
 * not to our simulator.
 */
const AAD = {
  invalidSecret: {
    status: 401,
    body: '{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app \'a8fdfbd0-da97-42d9-8f1a-fd6a7cb650b4\'.\\r\\nTrace ID: 6f6c4645-0202-4486-b625-fa957dfc4700\\r\\nCorrelation ID: 5fc87507-4086-4e77-b415-cee677eb232e\\r\\nTimestamp: 2023-05-06 06:03:00Z","error_codes":[7000215],"timestamp":"2023-05-06 06:03:00Z","trace_id":"6f6c4645-0202-4486-b625-fa957dfc4700","correlation_id":"5fc87507-4086-4e77-b415-cee677eb232e","error_uri":"https://login.microsoftonline.com/error?code=7000215"}',
  },
  expiredSecret: {
    status: 401,
    body: '{"error":"invalid_client","error_description":"AADSTS7000222: The provided client secret keys for app \'***\' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds.\\r\\nTrace ID: 8c95acf1-cc04-40a1-ad14-481862cf1801\\r\\nCorrelation ID: d65574ea-000b-4526-8595-ddaae8b4250d\\r\\nTimestamp: 2023-01-09 14:06:14Z","error_codes":[7000222],"timestamp":"2023-01-09 14:06:14Z","trace_id":"8c95acf1-cc04-40a1-ad14-481862cf1801","correlation_id":"d65574ea-000b-4526-8595-ddaae8b4250d","error_uri":"https://login.microsoftonline.com/error?code=7000222"}',
  },
  tenantNotFound: {
    status: 400,
    body: '{"error":"invalid_tenant","error_description":"AADSTS90002: Tenant \'2b0623dd-90fa-4c5c-bee8-8dc18bd4d948\' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant.\\r\\nTrace ID: c1806f4a-bcae-4ac1-b7ff-4eea2dcd1200\\r\\nCorrelation ID: 9d8aaacf-a655-4b1f-b113-3d0691054798\\r\\nTimestamp: 2022-04-21 16:26:49Z","error_codes":[90002],"timestamp":"2022-04-21 16:26:49Z","trace_id":"c1806f4a-bcae-4ac1-b7ff-4eea2dcd1200","correlation_id":"9d8aaacf-a655-4b1f-b113-3d0691054798","error_uri":"https://login.microsoftonline.com/error?code=90002"}',
  },
  // An older wording and OAuth error for the same code.
  tenantNotFoundOlder: {
    status: 400,
    body: '{"error":"invalid_request","error_description":"AADSTS90002: Tenant \'null\' not found. This may happen if there are no active subscriptions for the tenant. Check to make sure you have the correct tenant ID. Check with your subscription administrator.\\r\\nTrace ID: e3f1cdcd-6ccb-4b86-a420-d21bb2c8b700\\r\\nCorrelation ID: 6750f7d9-998a-4df0-b07c-4c02c6e108c8\\r\\nTimestamp: 2020-01-06 03:01:49Z","error_codes":[90002],"timestamp":"2020-01-06 03:01:49Z","trace_id":"e3f1cdcd-6ccb-4b86-a420-d21bb2c8b700","correlation_id":"6750f7d9-998a-4df0-b07c-4c02c6e108c8","error_uri":"https://login.microsoftonline.com/error?code=90002"}',
  },
  crossCloud: {
    status: 400,
    body: '{"error":"invalid_request","error_description":"AADSTS900382: Confidential Client is not supported in Cross Cloud request.\\r\\nTrace ID: 7765f5e1-9c50-46c7-b110-9543a3d25101\\r\\nCorrelation ID: 0dc2cbfd-41eb-4cef-9dc4-51e8126ebb59\\r\\nTimestamp: 2021-04-08 14:09:13Z","error_codes":[900382],"timestamp":"2021-04-08 14:09:13Z","trace_id":"7765f5e1-9c50-46c7-b110-9543a3d25101","correlation_id":"0dc2cbfd-41eb-4cef-9dc4-51e8126ebb59"}',
  },
  conditionalAccess: {
    status: 400,
    body: '{"error":"interaction_required","error_description":"AADSTS53003: Access has been blocked by Conditional Access policies. The access policy does not allow token issuance.\\r\\nTrace ID: 36a9bfd2-0233-4b3b-b947-5ed41fa7a600\\r\\nCorrelation ID: 85b60f58-62ff-4d26-b249-6a0229ba280e\\r\\nTimestamp: 2023-05-29 05:46:34Z","error_codes":[53003],"timestamp":"2023-05-29 05:46:34Z","trace_id":"36a9bfd2-0233-4b3b-b947-5ed41fa7a600","correlation_id":"85b60f58-62ff-4d26-b249-6a0229ba280e","error_uri":"https://login.microsoft.com/error?code=53003","suberror":"message_only"}',
  },
  noServicePrincipal: {
    status: 401,
    body: '{"error":"invalid_client","error_description":"AADSTS7000229: The client application 3f1c8a2e-9d41-4b7a-8e55-2c6d0b9a7f13 is missing service principal in the tenant 5e0c9b1d-7a2f-4c83-9e61-8d4b2a0f6c75. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119 Trace ID: 1f6a92a9-f3a8-4071-889a-6a2ea88d9500 Correlation ID: 0d1a5c28-3487-4767-a690-9cc680689523 Timestamp: 2025-06-09 09:07:41Z"}',
  },
  graphDisabled: {
    status: 400,
    body: '{"error":"invalid_resource","error_description":"AADSTS500014: The service principal for resource \'00000003-0000-0000-c000-000000000000\' is disabled. This indicate that a subscription within the tenant has lapsed, or that the administrator for this tenant has disabled the application, preventing tokens from being issued for it. Trace ID: 3c242f86-8c36-476d-8e47-2967df0f0c00 Correlation ID: 9a4120c1-f2e3-4490-9f79-4a4301a7af73 Timestamp: 2024-08-22 06:35:57Z","error_codes":[500014]}',
  },
  noTenantInfo: {
    status: 400,
    body: '{"error":"invalid_request","error_description":"AADSTS50059: No tenant-identifying information found in either the request or implied by any provided credentials.\\r\\nTrace ID: 2427820b-55d9-4be8-943a-1497c349f200\\r\\nCorrelation ID: e561c394-c4e3-4c43-be57-b35e3070cac5\\r\\nTimestamp: 2020-01-06 20:50:25Z","error_codes":[50059]}',
  },
  // Published without error_codes: the number is only in the description.
  appDisabled: {
    status: 400,
    body: '{"error":"unauthorized_client","error_description":"AADSTS7000112: Application \'8b0c024c-7823-3774-2da8-a8d8b7ed331a\'(worklytics-azuread-connector) is disabled."}',
  },
};

describe("codes that are not the secret's fault", () => {
  it("does not file an assertion failure (50012) under secrets", () => {
    const assertion = JSON.stringify({ error: "invalid_client", error_description: "AADSTS70002: Error validating credentials. AADSTS50012: Client assertion audience claim does not match Realm issuer.", error_codes: [70002, 50012] });
    expect(classifyTokenFailure(aadFailureFromText(assertion, 401)!, { secretLooksLikeSecretId: false })).toMatchObject({ status: "error", reason: "unexpected" });
  });

  it.each([
    [90033, 503, "microsoft-unavailable"],
    [90024, 400, "microsoft-unavailable"],
    [90006, 400, "microsoft-unavailable"],
    [90055, 400, "throttled"],
  ])("AADSTS%s (HTTP %s) is transient: %s", (code, status, reason) => {
    const body = JSON.stringify({ error: "temporarily_unavailable", error_description: `AADSTS${code}: Try again.`, error_codes: [code] });
    expect(classifyTokenFailure(aadFailureFromText(body, status)!, { secretLooksLikeSecretId: false })).toMatchObject({ status: "error", reason });
  });
});

function aad(sample: { status: number; body: string }): MicrosoftFailure {
  return aadFailureFromText(sample.body, sample.status)!;
}

const token = (failure: MicrosoftFailure, secretLooksLikeSecretId = false) => classifyTokenFailure(failure, { secretLooksLikeSecretId });

describe("token endpoint answers", () => {
  it("reads code, trace id and timestamp from a published body", () => {
    expect(token(aad(AAD.invalidSecret))).toEqual({
      status: "fail",
      reason: "secret-invalid",
      microsoft: {
        code: "AADSTS7000215",
        requestId: "6f6c4645-0202-4486-b625-fa957dfc4700",
        correlationId: "5fc87507-4086-4e77-b415-cee677eb232e",
        timestamp: "2023-05-06T06:03:00Z",
      },
    });
  });

  it("tells a pasted Secret ID from a mistyped value only by the value entered", () => {
    expect(token(aad(AAD.invalidSecret), true).reason).toBe("secret-is-secret-id");
    expect(token(aad(AAD.expiredSecret), true).reason).toBe("secret-expired");
  });

  it.each([
    ["expired secret", AAD.expiredSecret, "secret-expired"],
    ["unknown tenant", AAD.tenantNotFound, "tenant-not-found"],
    ["unknown tenant, older wording", AAD.tenantNotFoundOlder, "tenant-not-found"],
    ["tenant in another cloud", AAD.crossCloud, "tenant-other-cloud"],
    ["Conditional Access", AAD.conditionalAccess, "conditional-access-blocked"],
    ["disabled app, code only in the description", AAD.appDisabled, "app-disabled"],
    ["no enterprise application", AAD.noServicePrincipal, "service-principal-missing"],
    ["Graph disabled in the tenant", AAD.graphDisabled, "tenant-inactive"],
    ["no tenant-identifying information", AAD.noTenantInfo, "tenant-not-found"],
  ])("%s", (_name, sample, reason) => {
    const classified = token(aad(sample));
    expect(classified.status).toBe("fail");
    expect(classified.reason).toBe(reason);
  });

  it("classifies by code whatever the description says", () => {
    const reworded = JSON.stringify({ error: "invalid_client", error_description: "AADSTS7000215: The wording changed.", error_codes: [7000222] });
    expect(token(aadFailureFromText(reworded, 401)!).reason).toBe("secret-expired");
  });

  it("treats an unknown code as unexpected, and outages and throttling as not the administrator's fault", () => {
    const unknown = JSON.stringify({ error: "invalid_request", error_description: "AADSTS9002999: Something new.", error_codes: [9002999] });
    expect(token(aadFailureFromText(unknown, 400)!)).toMatchObject({ status: "error", reason: "unexpected", microsoft: { code: "AADSTS9002999" } });
    expect(token(aadFailureFromText("<html>Service Unavailable</html>", 503) ?? { kind: "aad", httpStatus: 503, codes: [] })).toMatchObject({
      status: "error",
      reason: "microsoft-unavailable",
    });
    expect(token({ kind: "aad", httpStatus: 429, codes: [] })).toMatchObject({ status: "error", reason: "throttled" });
  });

  it("tells a wrong tenant from a network failure by the discovery document", () => {
    const noAnswer: MicrosoftFailure = { kind: "transport", transport: "timeout" };
    expect(classifyTokenFailure(noAnswer, { secretLooksLikeSecretId: false, tenant: { status: "not-found" } }).reason).toBe("tenant-not-found");
    expect(classifyTokenFailure(noAnswer, { secretLooksLikeSecretId: false, tenant: { status: "other-cloud" } }).reason).toBe("tenant-other-cloud");
    expect(classifyTokenFailure(noAnswer, { secretLooksLikeSecretId: false, tenant: { status: "unavailable" } })).toEqual({
      status: "error",
      reason: "microsoft-unavailable",
    });
  });
});

describe("MSAL's errors when no raw body was recorded", () => {
  it("uses errorNo, a number at run time", () => {
    const error = new ServerError("invalid_client", "corr", "Error(s): 7000215 - Timestamp: 2023-05-06 06:03:00Z - Description: AADSTS7000215: Invalid client secret provided.", "", 7000215 as unknown as string, 401);
    expect(failureFromMsalError(error)).toMatchObject({ kind: "aad", codes: [7000215], httpStatus: 401, timestamp: "2023-05-06T06:03:00Z" });
  });

  it("falls back to the AADSTS number in the description when error_codes was absent", () => {
    const message =
      "Error(s): Not Available - Timestamp: Not Available - Description: AADSTS700016: Application with identifier '63890e31-65af-45a3-a3d5-9c52245496aa' was not found in the directory 'Default Directory'. - Correlation ID: Not Available - Trace ID: Not Available";
    const failure = failureFromMsalError(new ServerError("unauthorized_client", "", message, "", undefined, 400));
    expect(failure).toMatchObject({ kind: "aad", codes: [700016] });
    expect(token(failure).reason).toBe("app-not-found");
  });

  it("reads InteractionRequiredAuthError (Conditional Access answers interaction_required)", () => {
    const error = new InteractionRequiredAuthError("interaction_required", "85b60f58", "AADSTS53003: Access has been blocked by Conditional Access policies.", "message_only", "2023-05-29 05:46:34Z", "36a9bfd2-0233-4b3b-b947-5ed41fa7a600", "", 53003 as unknown as string);
    expect(token(failureFromMsalError(error))).toMatchObject({
      reason: "conditional-access-blocked",
      microsoft: { code: "AADSTS53003", requestId: "36a9bfd2-0233-4b3b-b947-5ed41fa7a600", timestamp: "2023-05-29T05:46:34Z" },
    });
  });

  it("prefers what the network client saw: no answer at all is a transport failure", () => {
    const wrapped = new ClientAuthError("network_error", "");
    expect(failureFromMsalError(wrapped, { transport: "timeout" })).toEqual({ kind: "transport", transport: "timeout" });
    expect(failureFromMsalError(wrapped)).toEqual({ kind: "client", code: "network_error" });
  });
});

/** Graph bodies as published (E5SubBot, msgraph docs issues, terraform-provider-outlook). */
const GRAPH = {
  invalidUser: '{"error":{"code":"ErrorInvalidUser","message":"The requested user \'4679dbfa-d1b9-45ad-87b5-0eb9e6b80123@b39138ca-3cee-4b4a-a4d6-cd83d9dd62f0\' is invalid.","innerError":{"request-id":"f8d30a89-55af-4700-b7ae-514cb5d98ce4","date":"2019-03-05T12:36:46"}}}',
  notEnabled: '{"error":{"code":"MailboxNotEnabledForRESTAPI","message":"The mailbox is either inactive, soft-deleted, or is hosted on-premise.","innerError":{"date":"2023-01-05T03:01:23","request-id":"0d5f2b8a-97c2-4b61-a1f6-1ef1c8f1b2a0","client-request-id":"0d5f2b8a-97c2-4b61-a1f6-1ef1c8f1b2a0"}}}',
  notSupported: '{"error":{"code":"MailboxNotSupportedForRESTAPI","message":"REST API is not yet supported for this mailbox."}}',
  odataDisabled: '{"error":{"code":"ErrorAccessDenied","message":"Access to OData is disabled."}}',
  accessDenied: '{"error":{"code":"ErrorAccessDenied","message":"Access is denied. Check credentials and try again."}}',
  resourceNotFound: '{"error":{"code":"ResourceNotFound","message":"Resource could not be discovered.","innerError":{"request-id":"95a3cbbc-e82f-46a8-ae64-73ffcce62de0","date":"2018-07-27T13:18:23"}}}',
  concurrency: '{"error":{"code":"ApplicationThrottled","message":"Application is over its MailboxConcurrency limit."}}',
  noPermissions: '{"error":{"code":"NoPermissionsInAccessToken","message":"The token contains no permissions, or permissions can not be understood."}}',
  directoryDenied: '{"error":{"code":"Authorization_RequestDenied","message":"Insufficient privileges to complete the operation."}}',
  badToken: '{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience."}}',
  unavailable: '{"error":{"code":"ServiceUnavailable","message":"Service Unavailable"}}',
  raop: '{"error":{"code":"ErrorAccessDenied","message":"Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings."}}',
  extension: '{"error":{"code":"ExtensionError","message":"Operation: Create; Exception: [Status Code: Forbidden; Reason: Forbidden]","innerError":{"date":"2020-06-30T21:58:03","request-id":"f41fabda-5d81-44db-a3e6-a0fc43c9a5ac"}}}',
  noExchange: '{"error":{"code":"OrganizationFromTenantGuidNotFound","message":"The tenant for tenant guid \'db404958-8858-4f05-8a8c-91cbd9d89b21\' does not exist.","innerError":{"request-id":"7048cf60-92d1-4514-86e9-a061c68b2238","date":"2019-06-08T01:58:58"}}}',
};

const granted = ["Calendars.ReadWrite", "Contacts.ReadWrite", "Mail.Send"];
const graph = (body: string, status: number, roles = granted, headers?: Headers) =>
  classifyGraphFailure(graphFailureFromBody(JSON.parse(body), status, headers), { roles, requiredRoles: ["Calendars.ReadWrite"] });

describe("Graph answers", () => {
  it("keeps Graph's code, request id and date (UTC, without a zone in the body)", () => {
    expect(graph(GRAPH.invalidUser, 404)).toEqual({
      status: "fail",
      reason: "mailbox-not-found",
      microsoft: { code: "ErrorInvalidUser", requestId: "f8d30a89-55af-4700-b7ae-514cb5d98ce4", timestamp: "2019-03-05T12:36:46Z" },
    });
  });

  it("takes the request id from the header when the body has none", () => {
    const headers = new Headers({ "request-id": "25f33f36-cd6f-41bc-af91-87fe9fdadead", date: "Thu, 01 Oct 2020 10:00:00 GMT" });
    expect(graph(GRAPH.odataDisabled, 403, granted, headers).microsoft).toEqual({
      code: "ErrorAccessDenied",
      requestId: "25f33f36-cd6f-41bc-af91-87fe9fdadead",
      timestamp: "2020-10-01T10:00:00Z",
    });
  });

  it.each([
    ["unlicensed, inactive or soft-deleted", GRAPH.notEnabled, 404, "fail", "mailbox-not-enabled"],
    ["on-premises", GRAPH.notSupported, 404, "fail", "mailbox-not-enabled"],
    ["no mailbox behind the user", GRAPH.resourceNotFound, 404, "fail", "mailbox-not-found"],
    ["MailboxConcurrency", GRAPH.concurrency, 429, "error", "throttled"],
    ["no permissions in the token", GRAPH.noPermissions, 403, "fail", "consent-missing"],
    ["a directory refusal", GRAPH.directoryDenied, 403, "fail", "access-denied"],
    ["a token Graph rejects", GRAPH.badToken, 401, "error", "unexpected"],
    ["an outage", GRAPH.unavailable, 503, "error", "microsoft-unavailable"],
    ["a tenant without Exchange Online", GRAPH.noExchange, 404, "fail", "exchange-not-provisioned"],
  ])("%s", (_name, body, status, expectedStatus, reason) => {
    expect(graph(body, status)).toMatchObject({ status: expectedStatus, reason });
  });

  it("reads ErrorAccessDenied through the token's roles, and calls it a policy only when Microsoft says so", () => {
    expect(graph(GRAPH.odataDisabled, 403).reason).toBe("access-policy-denied");
    expect(graph(GRAPH.raop, 403).reason).toBe("access-policy-denied");
    expect(graph(GRAPH.extension, 403).reason).toBe("access-policy-denied");
    expect(graph(GRAPH.extension, 403, []).reason).toBe("consent-missing");
    expect(graph(GRAPH.accessDenied, 403).reason).toBe("access-denied");
    expect(graph(GRAPH.accessDenied, 403, []).reason).toBe("consent-missing");
    expect(graph(GRAPH.accessDenied, 403, ["Mail.Send"]).reason).toBe("permission-missing");
  });

  it("treats no answer as Microsoft unavailable", () => {
    expect(classifyGraphFailure({ kind: "transport", transport: "timeout" }, { roles: granted, requiredRoles: [] })).toEqual({
      status: "error",
      reason: "microsoft-unavailable",
    });
  });
});
