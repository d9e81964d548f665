import { desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { apiKeys, auditEvents } from "@/lib/db/schema";
import { API_KEY_PREFIX, createApiKey, hashApiKey, listApiKeys, revokeApiKey } from "@/lib/handoff/api-keys";
import { handleBrokerageRequest, handleCredentialsRequest } from "@/lib/handoff/credentials-api";
import { API_REQUESTS_PER_MINUTE } from "@/lib/handoff/rate-limit";
import { stopSender } from "@/lib/jobs/queue";
import { approveAttempt } from "@/lib/review/approve";
import { installQueue } from "../support/queue";
import { createBrokerage, SECRET, useTestKeyRing, verifiedAttempt } from "../support/review-fixtures";

const admin = { staffId: "admin-1", origin: { ip: "198.51.100.7", userAgent: "browser" } };
let approved: { brokerageId: string; attemptId: string };

beforeAll(async () => {
  useTestKeyRing();
  await installQueue();
  const b = await createBrokerage({ name: "Api Realty", stage: "verified" });
  const { attempt } = await verifiedAttempt(b.id);
  await approveAttempt(attempt.id, { staffId: "csm-1" });
  approved = { brokerageId: b.id, attemptId: attempt.id };
});
afterAll(stopSender);

const get = (brokerageId: string, key?: string, at?: Date) =>
  handleCredentialsRequest(
    new Request(`http://localhost/api/v1/brokerages/${brokerageId}/credentials`, {
      headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), "x-portal-client-address": "192.0.2.44", "user-agent": "sync-service/2.1" },
    }),
    brokerageId,
    at,
  );

async function newKey(scope: "credentials:read" | "brokerages:read", name = `Sync ${scope}`) {
  return db().transaction((tx) => createApiKey(tx, { name, scope }, admin));
}

describe("API keys", () => {
  it("are shown once with a recognisable prefix and stored only as their SHA-256", async () => {
    const created = await newKey("credentials:read", "Sync production");
    expect(created.key).toMatch(new RegExp(`^${API_KEY_PREFIX}[A-Za-z0-9_-]{43}$`));
    const [row] = await db().select().from(apiKeys).where(eq(apiKeys.id, created.id));
    expect(row?.keyHash).toBe(hashApiKey(created.key));
    expect(JSON.stringify(row)).not.toContain(created.key.slice(API_KEY_PREFIX.length));
    expect(row?.keyHint).toBe(`${created.key.slice(0, API_KEY_PREFIX.length + 4)}…`);
    const listed = (await listApiKeys()).find((k) => k.id === created.id);
    expect(listed).toMatchObject({ name: "Sync production", scope: "credentials:read", revokedAt: null });
    expect(Object.keys(listed!)).not.toContain("keyHash");
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.subjectId, created.id));
    expect(audit).toMatchObject({ action: "api-key.created", actorId: "admin-1" });
  });
});

describe("GET /api/v1/brokerages/{id}/credentials", () => {
  it("returns the active credentials with the secret to a credentials:read key, audited as a decryption", async () => {
    const { key, id } = await newKey("credentials:read");
    const response = await get(approved.brokerageId, key);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toMatchObject({
      brokerageId: approved.brokerageId,
      brokerageName: "Api Realty",
      attemptId: approved.attemptId,
      clientSecret: SECRET,
      secretExpiresOn: "2027-06-30",
      accessScope: "organization",
    });
    const [audit] = await db().select().from(auditEvents).where(eq(auditEvents.actorId, id)).orderBy(desc(auditEvents.id));
    expect(audit).toMatchObject({
      actorType: "api",
      action: "secret.decrypted",
      subjectId: approved.attemptId,
      brokerageId: approved.brokerageId,
      ip: "192.0.2.44",
      userAgent: "sync-service/2.1",
    });
    expect(JSON.stringify(audit)).not.toContain(SECRET);
    expect((await db().query.apiKeys.findFirst({ where: eq(apiKeys.id, id) }))?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("answers 401 without a key, with an unknown key and with a revoked key", async () => {
    const missing = await get(approved.brokerageId);
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toContain("Bearer");
    expect(await missing.json()).toMatchObject({ error: "unauthorized" });
    expect((await get(approved.brokerageId, `${API_KEY_PREFIX}${"x".repeat(43)}`)).status).toBe(401);
    expect((await get(approved.brokerageId, "not-even-our-format")).status).toBe(401);

    const { key, id } = await newKey("credentials:read");
    expect((await get(approved.brokerageId, key)).status).toBe(200);
    expect(await db().transaction((tx) => revokeApiKey(tx, id, admin))).toBe(true);
    const revoked = await get(approved.brokerageId, key);
    expect(revoked.status).toBe(401);
    expect(await revoked.text()).not.toContain(SECRET);
    expect(await db().transaction((tx) => revokeApiKey(tx, id, admin))).toBe(false);
  });

  it("answers 403 to a key of another scope, which still reads the brokerage without the secret", async () => {
    const { key } = await newKey("brokerages:read");
    const refused = await get(approved.brokerageId, key);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: "forbidden", message: "This key's scope is brokerages:read; this request needs credentials:read." });

    const status = await handleBrokerageRequest(
      new Request(`http://localhost/api/v1/brokerages/${approved.brokerageId}`, { headers: { authorization: `Bearer ${key}` } }),
      approved.brokerageId,
    );
    expect(status.status).toBe(200);
    const body = await status.text();
    expect(JSON.parse(body)).toMatchObject({ stage: "approved", activeCredentials: { attemptId: approved.attemptId } });
    expect(body).not.toContain(SECRET);
    expect(body).not.toMatch(/PRIVATE KEY/);
  });

  it("answers 404 for an unknown brokerage, a malformed id and a brokerage with nothing approved", async () => {
    const { key } = await newKey("credentials:read");
    const pending = await createBrokerage({ stage: "verified" });
    await verifiedAttempt(pending.id);
    for (const id of ["6b3f0d44-0000-4000-8000-00000000beef", "../../etc", pending.id]) {
      const response = await get(id, key);
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: "not_found" });
    }
  });

  it("limits each key to its requests per minute, in PostgreSQL, and lets the next minute through", async () => {
    const { key } = await newKey("credentials:read");
    const other = await newKey("credentials:read");
    const minute = new Date("2026-05-01T10:00:05Z");
    for (let i = 0; i < API_REQUESTS_PER_MINUTE; i++) expect((await get(approved.brokerageId, key, minute)).status).toBe(200);
    const limited = await get(approved.brokerageId, key, new Date("2026-05-01T10:00:50Z"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("10");
    expect(await limited.text()).not.toContain(SECRET);
    // Another key is unaffected; the next window starts afresh.
    expect((await get(approved.brokerageId, other.key, minute)).status).toBe(200);
    expect((await get(approved.brokerageId, key, new Date("2026-05-01T10:01:00Z"))).status).toBe(200);
  });
});
