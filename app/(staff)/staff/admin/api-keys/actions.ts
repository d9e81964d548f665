"use server";

import { z } from "zod";
import { AREA_ROLES } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { staffAction, UserError } from "@/lib/actions/action";
import { createApiKey, CreateApiKeySchema, revokeApiKey } from "@/lib/handoff/api-keys";
import { redeliverWebhook, sendTestWebhook } from "@/lib/handoff/redeliver";
import { uuidField } from "@/lib/review/action-schemas";

// Only staff administrators manage the sync service's keys; each change is an audited Change in the lib functions.
const roles = AREA_ROLES.admin;
const PAGE = "/staff/admin/api-keys";

export const createApiKeyAction = staffAction({
  roles,
  schema: CreateApiKeySchema,
  run: async (input, ctx) => {
    const created = await createApiKey(db(), input, { staffId: ctx.staff.id, origin: ctx.origin });
    // The one response that carries the key; only its hash is kept.
    return { name: created.name, scope: created.scope, key: created.key };
  },
  revalidate: () => [PAGE],
});

export const revokeApiKeyAction = staffAction({
  roles,
  schema: z.object({ keyId: uuidField }),
  run: async ({ keyId }, ctx) => {
    const revoked = await revokeApiKey(db(), keyId, { staffId: ctx.staff.id, origin: ctx.origin });
    if (!revoked) throw new UserError("This key was already revoked.");
    return { keyId };
  },
  revalidate: () => [PAGE],
});

export const redeliverWebhookAction = staffAction({
  roles,
  schema: z.object({ deliveryId: z.string().regex(/^msg_[A-Za-z0-9_-]{10,64}$/, "There is no such event.") }),
  run: async ({ deliveryId }, ctx) => {
    await redeliverWebhook(deliveryId, { staffId: ctx.staff.id, origin: ctx.origin });
    return { deliveryId };
  },
  revalidate: () => [PAGE],
});

export const sendTestWebhookAction = staffAction({
  roles,
  schema: z.object({}),
  run: async (_input, ctx) => ({ deliveryId: await sendTestWebhook({ staffId: ctx.staff.id, origin: ctx.origin }) }),
  revalidate: () => [PAGE],
});
