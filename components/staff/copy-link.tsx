"use client";

import { CopyButton } from "@/components/form/copy-button";

/**
 * A link or key shown once: read-only, selectable, with a copy button that says when it
 * worked (in a status region, so screen readers hear it too).
 */
export function CopyLink({ url, label, id, noun = "link" }: { url: string; label: string; id: string; noun?: string }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <input
          id={id}
          readOnly
          value={url}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full min-w-0 border-2 border-ink bg-white px-2 py-1.5 font-mono text-base"
        />
        <CopyButton
          text={url}
          what={noun}
          look="button"
          showWhat
          copied={`${noun[0]!.toUpperCase()}${noun.slice(1)} copied`}
          failed={`Your browser did not allow copying: select the ${noun} and copy it`}
        />
      </div>
    </div>
  );
}
