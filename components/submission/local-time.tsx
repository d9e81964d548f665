"use client";

import { useSyncExternalStore } from "react";
import { formatLocalTime, formatUtcTime } from "@/lib/format/dates";

const subscribe = () => () => {};

/** A time in the reader's own time zone; the server's render says UTC until the browser takes over. */
export function LocalTime({ iso, withDate = false }: { iso: string; withDate?: boolean }) {
  const date = new Date(iso);
  const text = useSyncExternalStore(
    subscribe,
    () => formatLocalTime(date, withDate),
    () => formatUtcTime(date, withDate),
  );
  return <time dateTime={iso}>{text}</time>;
}
