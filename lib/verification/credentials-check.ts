import "server-only";
import type { ClientCertificate } from "../microsoft/client-certificate";
import { checkInput } from "./checks/input";
import { checkPermissions, checkToken } from "./checks/token";
import { withRecheck } from "./recheck";
import { startRun } from "./run";
import { executePlan } from "./runner";
import type { CheckResult, RunOptions } from "./types";

/**
 * The form's early "Check these credentials": only `input` (of the three values),
 * `token` and `permissions`, so an administrator learns about a wrong secret or
 * missing consent before choosing a test mailbox.
 */
export async function checkCredentials(
  input: { tenantId: string; clientId: string; clientSecret?: string; clientCertificate?: ClientCertificate },
  options: RunOptions = {},
): Promise<CheckResult[]> {
  return withRecheck(
    () => checkOnce(input, options),
    (checks) => checks,
    (_checks, marked) => marked,
    { afterMs: options.recheckAfterMs, signal: options.signal },
  );
}

async function checkOnce(input: { tenantId: string; clientId: string; clientSecret?: string; clientCertificate?: ClientCertificate }, options: RunOptions): Promise<CheckResult[]> {
  const { ctx, finish, describeError } = startRun(input, options, input.clientCertificate ? ["tenantId", "clientId"] : ["tenantId", "clientId", "clientSecret"]);
  try {
    return await executePlan(
      [
        { id: "input", run: () => checkInput(ctx) },
        { id: "token", run: () => checkToken(ctx) },
        { id: "permissions", run: () => checkPermissions(ctx) },
      ],
      { sequential: options.sequential, onProgress: options.onProgress, logger: ctx.logger, describeError },
    );
  } finally {
    finish();
  }
}
