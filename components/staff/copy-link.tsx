"use client";

import { useState } from "react";

/**
 * An invite link shown once: read-only, selectable, with a copy button that says
 * when it worked (in a live region, so screen readers hear it too).
 */
export function CopyLink({ url, label, id, noun = "link" }: { url: string; label: string; id: string; noun?: string }) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied("copied");
    } catch {
      setCopied("failed");
    }
  }
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          readOnly
          value={url}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full min-w-0 border-2 border-ink bg-white px-2 py-1.5 font-mono text-base"
        />
        <button type="button" onClick={copy} className="shrink-0 bg-[#f3f2f1] px-4 py-1.5 font-bold text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]">
          Copy {noun}
        </button>
      </div>
      <p aria-live="polite" className="mt-1 min-h-6 font-bold">
        {copied === "copied" ? `${noun[0]!.toUpperCase()}${noun.slice(1)} copied` : copied === "failed" ? `Your browser did not allow copying: select the ${noun} and copy it` : ""}
      </p>
    </div>
  );
}
