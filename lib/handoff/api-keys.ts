import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import { z } from "zod";
import { singleLineText } from "../validation/text";
import { inAuditedTransaction } from "../audit/change";
import type { AuditEntry } from "../audit/record";
import { db, type Executor } from "../db/client";
import { apiKeys } from "../db/schema";

/**
 * API keys for the sync service: 256 random bits behind a recognisable prefix (so a
 * leaked key is easy to spot in a repository or a log), stored only as SHA-256.
 * A high-entropy key needs no slow hash: guessing is hopeless either way.
 */

export const API_KEY_PREFIX = "m365sync_";

export const API_KEY_SCOPES = {
  "credentials:read": "Read approved credentials, including the client secret",
  "brokerages:read": "Read a brokerage's stage and credential details, without the secret",
  "agents:write": "Send a brokerage's list of agent mailboxes and read their readiness",
} as const;
export type ApiKeyScope = keyof typeof API_KEY_SCOPES;

/** A broader scope includes the narrower: whoever may read the secret may read the status. */
export function scopeAllows(granted: string, required: ApiKeyScope): boolean {
  return granted === required || ((granted === "credentials:read" || granted === "agents:write") && required === "brokerages:read");
}

export const CreateApiKeySchema = z.object({
  name: singleLineText("Name", { max: 80, emptyMessage: "Enter a name for the key" }),
  scope: z.enum(Object.keys(API_KEY_SCOPES) as [ApiKeyScope, ...ApiKeyScope[]], { message: "Choose what the key may read" }),
});
export type CreateApiKey = z.infer<typeof CreateApiKeySchema>;

export const hashApiKey = (key: string) => createHash("sha256").update(key, "utf8").digest("hex");

export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
}

const hintOf = (key: string) => `${key.slice(0, API_KEY_PREFIX.length + 4)}…`;

type Actor = { staffId: string; origin?: AuditEntry["origin"] };

/** Creates a key and returns it in clear: the only time it exists outside the caller's hands. */
export async function createApiKey(on: Executor, input: CreateApiKey, actor: Actor) {
  const key = generateApiKey();
  return inAuditedTransaction({ type: "staff", id: actor.staffId }, actor.origin ?? null, async ({ tx, audit }) => {
    const [row] = await tx
      .insert(apiKeys)
      .values({ name: input.name, scope: input.scope, keyHash: hashApiKey(key), keyHint: hintOf(key), createdBy: actor.staffId })
      .returning({ id: apiKeys.id, name: apiKeys.name, scope: apiKeys.scope, keyHint: apiKeys.keyHint });
    await audit({
      action: "api-key.created",
      subject: { type: "api-key", id: row!.id },
      detail: { name: row!.name, scope: row!.scope, hint: row!.keyHint },
    });
    return { ...row!, key };
  }, { on });
}

/** Revokes a key at once; returns false when it was unknown or already revoked. */
export async function revokeApiKey(on: Executor, id: string, actor: Actor, now = new Date()): Promise<boolean> {
  return inAuditedTransaction({ type: "staff", id: actor.staffId }, actor.origin ?? null, async ({ tx, audit, unchanged }) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: now, revokedBy: actor.staffId })
      .where(and(eq(apiKeys.id, id), isNull(apiKeys.revokedAt)))
      .returning({ id: apiKeys.id, name: apiKeys.name });
    if (!row) return unchanged(false);
    await audit({ action: "api-key.revoked", subject: { type: "api-key", id }, detail: { name: row.name } });
    return true;
  }, { on });
}

export type ApiKeySummary = {
  id: string;
  name: string;
  scope: string;
  keyHint: string;
  createdBy: string;
  createdAt: Date;
  revokedAt: Date | null;
  lastUsedAt: Date | null;
};

export async function listApiKeys(): Promise<ApiKeySummary[]> {
  return db()
    .select({
      id: apiKeys.id,
      name: apiKeys.name,
      scope: apiKeys.scope,
      keyHint: apiKeys.keyHint,
      createdBy: apiKeys.createdBy,
      createdAt: apiKeys.createdAt,
      revokedAt: apiKeys.revokedAt,
      lastUsedAt: apiKeys.lastUsedAt,
    })
    .from(apiKeys)
    .orderBy(desc(apiKeys.createdAt))
    .limit(200);
}

export type AuthenticatedKey = { id: string; name: string; scope: string };

/** The key named by an `Authorization: Bearer` header, or null when missing, unknown or revoked. */
export async function authenticateApiKey(authorization: string | null): Promise<AuthenticatedKey | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? "");
  const key = match?.[1];
  if (!key || !key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  const [row] = await db()
    .select({ id: apiKeys.id, name: apiKeys.name, scope: apiKeys.scope })
    .from(apiKeys)
    .where(and(eq(apiKeys.keyHash, hashApiKey(key)), isNull(apiKeys.revokedAt)))
    .limit(1);
  return row ?? null;
}

/** Records use at most once a minute per key, so busy keys do not write on every request. */
export async function touchApiKey(id: string, now = new Date()) {
  await db()
    .update(apiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(apiKeys.id, id), or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, new Date(now.getTime() - 60_000)))));
}

/** Names of API keys by id, for the audit log's "who". */
export async function apiKeyNames(ids: Iterable<string | null | undefined>): Promise<Record<string, string>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id && /^[0-9a-f-]{36}$/i.test(id))))];
  if (!wanted.length) return {};
  const rows = await db().select({ id: apiKeys.id, name: apiKeys.name }).from(apiKeys).where(inArray(apiKeys.id, wanted));
  return Object.fromEntries(rows.map((r) => [r.id, r.name]));
}
