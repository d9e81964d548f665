// Stand-in with discovery's signature until the Microsoft module lands on this branch.
export type TenantDiscovery =
  | { status: "found"; tenantId: string }
  | { status: "not-found" }
  | { status: "other-cloud"; cloud?: string }
  | { status: "unavailable" };
export async function discoverTenant(tenantIdOrDomain: string): Promise<TenantDiscovery> {
  void tenantIdOrDomain;
  return { status: "unavailable" };
}
