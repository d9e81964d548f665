import { MICROSOFT_GRAPH_APP_ID, REQUIRED_PERMISSIONS } from "../microsoft/permissions";
import { isGuid } from "../validation/guid";
import { isSecretLifetime, parseAppName, type ScriptOptions } from "./script-options";

/**
 * What both setup scripts share: the checked options, the permissions to grant (from
 * the one definition verification also uses) and text safe for a comment line.
 */

export type ScriptPermission = { name: string; id: string };

/** The permissions, each id checked to be a bare GUID so it can be written unquoted. */
export function scriptPermissions(): { graphAppId: string; permissions: ScriptPermission[] } {
  for (const id of [MICROSOFT_GRAPH_APP_ID, ...REQUIRED_PERMISSIONS.map((p) => p.id)]) {
    if (!isGuid(id)) throw new Error(`Not a GUID: ${id}`);
  }
  return { graphAppId: MICROSOFT_GRAPH_APP_ID, permissions: REQUIRED_PERMISSIONS.map(({ name, id }) => ({ name, id })) };
}

/** Refuses options the form would refuse, so a script is never generated from bad input. */
export function checkedOptions(options: ScriptOptions): ScriptOptions {
  const appName = parseAppName(options.appName);
  if (!appName.ok) throw new Error(appName.message);
  const description = parseAppName(options.secretDescription);
  if (!description.ok) throw new Error(`Secret description: ${description.message}`);
  if (!isSecretLifetime(options.secretMonths)) throw new Error(`Unsupported secret lifetime: ${options.secretMonths}`);
  return { ...options, appName: appName.value, secretDescription: description.value };
}

/** Text for a `#` comment: control characters (a line break would end the comment) become spaces. */
export function commentText(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, " ");
}

/** How long the scripts keep retrying a step that depends on an object Microsoft has just created. */
export const REPLICATION_RETRY_SECONDS = 120;
