"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { runReasonLabel } from "@/lib/readiness/labels";

export type Progress = { runId: string; status: "queued" | "running" | "finished" | "failed"; total: number; checked: number; ready: number; reason: string | null };

const active = (p: Progress | null) => p?.status === "queued" || p?.status === "running";

/**
 * The latest run's progress, polled every second while it runs; when it ends the page
 * refreshes so the counts and the table show the results. The page keys it by run and
 * status, so a new run starts it afresh.
 */
export function ReadinessProgress({ initial, url }: { initial: Progress | null; url: string }) {
  const router = useRouter();
  const [progress, setProgress] = useState(initial);
  const running = active(progress);
  useEffect(() => {
    if (!running) return;
    let stopped = false;
    const timer = setInterval(async () => {
      const response = await fetch(url, { cache: "no-store" }).catch(() => null);
      if (!response?.ok || stopped) return;
      const next = (await response.json()) as Progress | null;
      setProgress(next);
      if (!active(next)) router.refresh();
    }, 1000);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, [running, url, router]);

  if (!progress) return <p className="mb-6 text-lg">No check has run yet.</p>;
  const n = (v: number) => v.toLocaleString("en-US");
  return (
    <div className="mb-6" role="status" aria-live="polite">
      {running ? (
        <>
          <p className="mb-2 text-lg font-bold">
            {progress.status === "queued" ? "Check queued" : "Checking"}: {n(progress.checked)} of {n(progress.total)} mailboxes checked, {n(progress.ready)} ready
          </p>
          <progress className="h-4 w-full max-w-xl" max={Math.max(progress.total, 1)} value={progress.checked} aria-label="Mailboxes checked" />
        </>
      ) : progress.status === "failed" ? (
        <p className="text-lg font-bold text-error">The last check could not run: {runReasonLabel(progress.reason)}</p>
      ) : (
        <p className="text-lg">
          Last check finished: {n(progress.checked)} of {n(progress.total)} mailboxes checked, {n(progress.ready)} ready.
        </p>
      )}
    </div>
  );
}
