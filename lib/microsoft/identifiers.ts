/**
 * Shapes of the identifiers that go into Microsoft URLs. Every value is checked
 * here before it is placed in a path, and then URL-encoded.
 */

import { isGuid } from "../validation/guid";
import { isDomainName } from "../validation/mailbox";

/** A tenant as Microsoft's endpoints accept it: its GUID or one of its domain names. */
export const isTenantIdentifier = (value: string) => isGuid(value) || isDomainName(value);

export const pathSegment = (value: string) => encodeURIComponent(value);
