import "server-only";
import { randomUUID } from "node:crypto";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { redirect, unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { logger } from "../logger";
import { inAuditedTransaction, type Change } from "../audit/change";
import { fieldErrors, type ActionState } from "./state";
import type { RequestOrigin } from "../http/request-origin";
import { isDatabaseUnavailable } from "../db/errors";
import { UserError } from "../errors";
import type { StaffRole } from "../auth/roles";
import type { Staff } from "../auth/staff-session";
import { staffGuard, type Guard } from "./guards";

export { UserError };
export type { ActionState };

export type ActionContext<C> = C & {
  origin: RequestOrigin;
  /** The request's headers, for the few actions that pass them on (staff sign-in). */
  headers: Headers;
  /** Runs one change in a transaction that must record its audit event (actor and origin filled in). */
  change: <T>(fn: (change: Change) => Promise<T>) => Promise<T>;
};

export type ActionDefinition<C, S extends z.ZodType, R, V = Record<string, string>> = {
  guard: Guard<C>;
  schema: S;
  run: (input: z.output<S>, ctx: ActionContext<C>) => Promise<R>;
  /** What the schema parses, from what was posted (default: FormData's fields, or the value as sent). */
  input?: (raw: unknown) => unknown;
  /** Fields in the form's order, keyed by dotted path (default: top-level fields as zod reports them). */
  fields?: readonly string[];
  /** Checked after the guard and before validation: words that refuse the whole request, or null. */
  precondition?: (raw: unknown) => string | null;
  /** Field errors as the form should show them (e.g. asking again for a secret it never gets back). */
  invalid?: (errors: Record<string, string>) => Record<string, string>;
  /** What goes back into the form after a problem (default: the posted strings but `secretFields`). */
  echo?: (raw: unknown) => V;
  /** Fields never echoed back (passwords). */
  secretFields?: readonly string[];
  /** Pages whose data changed, re-rendered in the same response. */
  revalidate?: (result: R) => string[];
  /** Where to go after success; without it the form shows the result. */
  redirectTo?: (result: R, input: z.output<S>) => string;
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

function echoStrings(raw: unknown, secret: readonly string[]): Record<string, string> {
  if (raw instanceof FormData) raw = formValues(raw);
  if (!raw || typeof raw !== "object") return {};
  return Object.fromEntries(Object.entries(raw).filter(([k, v]) => typeof v === "string" && !secret.includes(k))) as Record<string, string>;
}

const defaultInput = (raw: unknown) => (raw instanceof FormData ? formValues(raw) : raw);

/**
 * The one shape of every server action, for staff, brokerages and the public alike:
 * the audience's guard admits the request (role; or session and same origin), zod
 * validates, the guard's rate limit counts, the action runs with audited changes, then
 * the pages revalidate or the browser is redirected. Expected errors (UserError) carry
 * words for the person, on a field or the whole form; anything else is logged with a
 * reference and the person is told nothing changed.
 */
export async function performAction<C, S extends z.ZodType, R, V>(
  definition: ActionDefinition<C, S, R, V>,
  raw: unknown,
  request: Headers,
): Promise<ActionState<R, V>> {
  const outcome = await runAction(definition, raw, request);
  for (const path of outcome.revalidate) revalidatePath(path);
  if (outcome.redirectTo) redirect(outcome.redirectTo);
  return outcome.state;
}

/** What an action decided, before the pages revalidate and the browser moves on. */
export type ActionOutcome<R, V> = { state: ActionState<R, V>; revalidate: string[]; redirectTo?: string };

/** `performAction` without revalidating or redirecting: for scripts and tests. */
export async function runAction<C, S extends z.ZodType, R, V>(
  definition: ActionDefinition<C, S, R, V>,
  raw: unknown,
  request: Headers,
): Promise<ActionOutcome<R, V>> {
  try {
    return await decideAction(definition, raw, request);
  } catch (error) {
    unstable_rethrow(error);
    if (!isDatabaseUnavailable(error)) throw error;
    // The session check, the rate limit or the change could not reach PostgreSQL: nothing was written.
    logger().warn({ err: error }, "action refused: the database is unreachable");
    const values = definition.echo ? definition.echo(raw) : (echoStrings(raw, definition.secretFields ?? []) as V);
    return { state: { status: "error", message: DATABASE_AWAY, values, at: Date.now() }, revalidate: [] };
  }
}

/** What a person is told when a post could not be saved because the database is away. */
export const DATABASE_AWAY = "We could not save this just now, and nothing was lost. Try again in a minute.";

async function decideAction<C, S extends z.ZodType, R, V>(
  definition: ActionDefinition<C, S, R, V>,
  raw: unknown,
  request: Headers,
): Promise<ActionOutcome<R, V>> {
  const answer = (state: ActionState<R, V>): ActionOutcome<R, V> => ({ state, revalidate: [] });
  const { guard } = definition;
  const at = Date.now();
  const admitted = await guard.admit(request);
  if (!admitted.ok) return answer({ status: "error", message: admitted.message, at });
  const { context } = admitted;

  const refusal = definition.precondition?.(raw);
  if (refusal) return answer({ status: "error", message: refusal, at });

  const values = () => (definition.echo ? definition.echo(raw) : (echoStrings(raw, definition.secretFields ?? []) as V));
  const parsed = definition.schema.safeParse((definition.input ?? defaultInput)(raw));
  if (!parsed.success) {
    const errors = fieldErrors(parsed.error, definition.fields);
    return answer({ status: "invalid", errors: definition.invalid ? definition.invalid(errors) : errors, values: values(), at });
  }

  const limited = await guard.limit?.(context);
  if (limited) return answer({ status: "error", message: limited, values: values(), at });

  const origin = guard.origin(request);
  const ctx = {
    ...context,
    origin,
    headers: request,
    change: <T,>(fn: (change: Change) => Promise<T>) => inAuditedTransaction(guard.actor(context), origin, fn),
  } as ActionContext<C>;
  let result: R;
  try {
    result = await definition.run(parsed.data, ctx);
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof UserError) {
      const errors = error.field ? { [error.field]: error.message } : undefined;
      return answer(
        error.field
          ? { status: "invalid", errors: definition.invalid ? definition.invalid(errors!) : errors, values: values(), at }
          : { status: "error", message: error.message, values: values(), at },
      );
    }
    if (isDatabaseUnavailable(error)) throw error;
    const reference = randomUUID().slice(0, 8);
    logger().error({ err: error, reference, ...guard.log(context) }, "action failed");
    return answer({ status: "error", message: `Something went wrong and nothing was changed. Try again, or give support the reference ${reference}.`, values: values(), at });
  }
  return {
    state: { status: "ok", result },
    revalidate: definition.revalidate?.(result) ?? [],
    redirectTo: definition.redirectTo?.(result, parsed.data),
  };
}

/** A form's server action, for `useActionState` or a form's `action`. */
export function formAction<C, S extends z.ZodType, R, V = Record<string, string>>(definition: ActionDefinition<C, S, R, V>) {
  return async function action(_previous: ActionState<R, V>, formData: FormData): Promise<ActionState<R, V>> {
    return performAction(definition, formData, await headers());
  };
}

/** A server action the page calls with a value (not a form post), e.g. a check before sending. */
export function callAction<C, S extends z.ZodType, R>(definition: ActionDefinition<C, S, R>) {
  return async function action(input: unknown): Promise<ActionState<R>> {
    return performAction(definition, input, await headers());
  };
}

export type StaffContext = ActionContext<{ staff: Staff }>;

/** A staff form's action: `roles` may run it (checked here, not only in the proxy). */
export function staffAction<S extends z.ZodType, R>(definition: Omit<ActionDefinition<{ staff: Staff }, S, R>, "guard"> & { roles: readonly StaffRole[] }) {
  const { roles, ...rest } = definition;
  return formAction({ ...rest, guard: staffGuard(roles) });
}
