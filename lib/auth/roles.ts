/** Staff roles (DESIGN §2). Plain data, safe for client components. */
export const STAFF_ROLES = ["onboarding", "csm", "admin"] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export const ROLE_LABELS: Record<StaffRole, string> = {
  onboarding: "Onboarding team",
  csm: "Customer-success manager",
  admin: "Staff administrator",
};

/**
 * Each role's main page, where sign-in lands: the pipeline for the onboarding team, the
 * review queue for a CSM, and the index of every area for an administrator.
 */
export const ROLE_HOME: Record<StaffRole, string> = {
  onboarding: "/staff/onboarding",
  csm: "/staff/submissions",
  admin: "/staff",
};

export function isStaffRole(value: unknown): value is StaffRole {
  return typeof value === "string" && (STAFF_ROLES as readonly string[]).includes(value);
}

/** Who may use each part of the staff area; every page, action and route checks its entry itself. */
export const AREA_ROLES = {
  /** /staff: the index of what the signed-in person can use. */
  home: ["onboarding", "csm", "admin"],
  onboarding: ["onboarding", "admin"],
  outbox: ["onboarding", "csm", "admin"],
  reports: ["onboarding", "csm", "admin"],
  admin: ["admin"],
  /** /staff/submissions and /staff/expiry: review, approve, re-run, watch expiry. */
  review: ["csm", "admin"],
  /** /staff/readiness/{brokerage}: agent mailbox readiness, for the onboarding team and CSMs alike. */
  readiness: ["onboarding", "csm", "admin"],
  /** /staff/audit: the whole audit log. */
  audit: ["admin"],
} as const satisfies Record<string, readonly StaffRole[]>;

export type StaffArea = keyof typeof AREA_ROLES;

export function canUse(role: StaffRole, area: StaffArea): boolean {
  return (AREA_ROLES[area] as readonly StaffRole[]).includes(role);
}
