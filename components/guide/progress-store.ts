import { useSyncExternalStore } from "react";
import { isStepAnchor } from "@/lib/guide/steps";

/**
 * Which steps the reader has ticked, kept in this browser's localStorage so a reload
 * (or coming back tomorrow) keeps them. When storage is unavailable (some private
 * modes) the ticks live in memory for this visit.
 */
const KEY = "guide-progress:v1";
const CHANGED = "guide-progress-changed";
const EMPTY: ReadonlySet<string> = new Set();

let memory: string | null = null;
let cachedRaw: string | null | undefined;
let cachedSet: ReadonlySet<string> = EMPTY;

function readRaw(): string | null {
  try {
    return window.localStorage.getItem(KEY) ?? memory;
  } catch {
    return memory;
  }
}

function parse(raw: string | null): ReadonlySet<string> {
  if (!raw) return EMPTY;
  try {
    const value: unknown = JSON.parse(raw);
    return Array.isArray(value) ? new Set(value.filter((v): v is string => typeof v === "string" && isStepAnchor(v))) : EMPTY;
  } catch {
    return EMPTY;
  }
}

function snapshot(): ReadonlySet<string> {
  const raw = readRaw();
  if (raw !== cachedRaw) {
    cachedRaw = raw;
    cachedSet = parse(raw);
  }
  return cachedSet;
}

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(CHANGED, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(CHANGED, onChange);
  };
}

function write(done: ReadonlySet<string>) {
  const raw = JSON.stringify([...done]);
  memory = raw;
  try {
    window.localStorage.setItem(KEY, raw);
  } catch {
    // Storage refused (private mode, quota): the in-memory copy still serves this visit.
  }
  window.dispatchEvent(new Event(CHANGED));
}

export function setStepDone(anchor: string, done: boolean) {
  const next = new Set(snapshot());
  if (done) next.add(anchor);
  else next.delete(anchor);
  write(next);
}

export function clearProgress() {
  write(EMPTY);
}

/** The ticked steps; empty while rendering on the server. */
export function useProgress(): ReadonlySet<string> {
  return useSyncExternalStore(subscribe, snapshot, () => EMPTY);
}
