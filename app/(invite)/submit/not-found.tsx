import Link from "next/link";

/** For a missing session and for another brokerage's pages alike: nothing is revealed. */
export default function SubmitNotFound() {
  return (
    <div className="max-w-2xl space-y-4">
      <h1 className="text-3xl font-bold">Page not found</h1>
      <p className="text-lg">If you typed the web address, check it is correct.</p>
      <p className="text-lg">
        If you came from your invite email, open the link in it again. To set up the app first, follow the{" "}
        <Link className="text-brand-700 underline" href="/guide">
          setup guide
        </Link>
        .
      </p>
    </div>
  );
}
