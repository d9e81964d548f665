"use client";

import { useEffect, useState } from "react";
import { buttonClass } from "./button";

const looks = {
  /** Small and outlined, beside a value in running text. */
  inline: "rounded border-2 border-brand-700 bg-white px-2 py-0.5 text-sm font-bold text-brand-700 hover:bg-brand-50",
  /** A secondary button beside a field. */
  button: `shrink-0 ${buttonClass("secondary", true)}`,
};

/**
 * Copies a literal value. The button's name never changes ("Copy <what>"); the result is
 * announced in a status region next to it, and a failed copy says how to do it by hand.
 */
export function CopyButton({
  text,
  what,
  look = "inline",
  showWhat = false,
  copied = "Copied",
  failed = "Select the text and press Ctrl+C (⌘C on a Mac)",
}: {
  text: string;
  what: string;
  look?: keyof typeof looks;
  /** Show what is copied on the button ("Copy link") rather than only to screen readers. */
  showWhat?: boolean;
  copied?: string;
  failed?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");

  useEffect(() => {
    if (state !== "copied") return;
    const timer = setTimeout(() => setState("idle"), 4000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 print:hidden">
      <button type="button" onClick={copy} className={looks[look]}>
        Copy<span className={showWhat ? undefined : "sr-only"}> {what}</span>
      </button>
      <span role="status" className="text-sm font-bold text-success">
        {state === "copied" ? copied : state === "failed" ? failed : ""}
      </span>
    </span>
  );
}
