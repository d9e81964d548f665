import type { CheckResult } from "./types";

// Stand-in with the early check's signature until the verification module lands on this branch.
export async function checkCredentials(input: { tenantId: string; clientId: string; clientSecret: string }): Promise<CheckResult[]> {
  void input;
  throw new Error("The credentials check is not part of this build yet");
}
