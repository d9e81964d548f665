import type { Metadata } from "next";

export const metadata: Metadata = { title: "You have signed out" };

export default function SignedOutPage() {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">You have signed out</h1>
      <p className="text-lg">To come back, open the link in your invite email again. Anything you sent is kept.</p>
    </div>
  );
}
