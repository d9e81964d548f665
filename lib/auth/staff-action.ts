import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { notFound, redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { logger } from "../logger";
import { inAuditedTransaction, type Change } from "../audit/change";
import { fieldErrors, type ActionState } from "../actions/state";
import { requestOrigin, type RequestOrigin } from "../http/request-origin";
import { SIGN_IN_PATH } from "./require-staff-role";
import { UserError } from "../errors";
import type { StaffRole } from "./roles";
import { authorizeStaff, type Staff } from "./staff-session";

export { UserError };
export type { ActionState };

export type ActionContext = {
  staff: Staff;
  origin: RequestOrigin;
  /** Runs one change in a transaction that must record its audit event (actor and origin filled in). */
  change: <T>(fn: (change: Change) => Promise<T>) => Promise<T>;
};

type ActionDefinition<S extends z.ZodType, R> = {
  roles: readonly StaffRole[];
  schema: S;
  run: (input: z.output<S>, ctx: ActionContext) => Promise<R>;
  /** Pages whose data changed, re-rendered in the same response. */
  revalidate?: (result: R) => string[];
  /** Where to go after success; without it the form shows the result. */
  redirectTo?: (result: R, input: z.output<S>) => string;
  /** Fields never echoed back (passwords). */
  secretFields?: readonly string[];
};

/** FormData as plain values: strings, and Files for file inputs. */
function formValues(formData: FormData): Record<string, FormDataEntryValue> {
  const values: Record<string, FormDataEntryValue> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue;
    values[key] = value;
  }
  return values;
}

function echo(values: Record<string, FormDataEntryValue>, secret: readonly string[]) {
  return Object.fromEntries(Object.entries(values).filter(([k, v]) => typeof v === "string" && !secret.includes(k))) as Record<string, string>;
}

/**
 * The one shape of every staff server action: authorize (the role, checked here and
 * not only in the proxy), validate with zod, act in audited transactions, then
 * redirect or return the result. Expected errors carry words for the person;
 * anything else is logged with a reference and nothing is changed.
 */
export function staffAction<S extends z.ZodType, R>(definition: ActionDefinition<S, R>) {
  return async function action(_previous: ActionState<R>, formData: FormData): Promise<ActionState<R>> {
    const requestHeaders = await headers();
    const authorization = await authorizeStaff(requestHeaders, definition.roles);
    if (!authorization.ok) {
      if (authorization.reason === "signed-out") redirect(SIGN_IN_PATH);
      notFound();
    }
    const { staff } = authorization;
    const raw = formValues(formData);
    const values = echo(raw, definition.secretFields ?? []);
    const parsed = definition.schema.safeParse(raw);
    if (!parsed.success) return { status: "invalid", errors: fieldErrors(parsed.error), values };

    const origin = requestOrigin(requestHeaders);
    const ctx: ActionContext = {
      staff,
      origin,
      change: (fn) => inAuditedTransaction({ type: "staff", id: staff.id }, origin, fn),
    };
    let result: R;
    try {
      result = await definition.run(parsed.data, ctx);
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof UserError) {
        return error.field
          ? { status: "invalid", errors: { [error.field]: error.message }, values }
          : { status: "error", message: error.message, values };
      }
      const reference = randomUUID().slice(0, 8);
      logger().error({ err: error, reference, staffId: staff.id }, "staff action failed");
      return { status: "error", message: `Something went wrong and nothing was changed. Try again, or give support the reference ${reference}.`, values };
    }
    for (const path of definition.revalidate?.(result) ?? []) revalidatePath(path);
    if (definition.redirectTo) redirect(definition.redirectTo(result, parsed.data));
    return { status: "ok", result };
  };
}
