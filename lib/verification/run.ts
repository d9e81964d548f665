import type { RunOptions, VerificationInput, VerificationReport } from "./types";

// Stand-in with the runner's signature until the verification module lands on this branch.
export async function runVerification(input: VerificationInput, options: RunOptions = {}): Promise<VerificationReport> {
  void input;
  void options;
  throw new Error("The verification runner is not part of this build yet");
}
