"use client";

import { useSyncExternalStore } from "react";

const subscribe = () => () => {};

/** A time in the reader's own time zone; the server's render says UTC until the browser takes over. */
export function LocalTime({ iso, withDate = false }: { iso: string; withDate?: boolean }) {
  const date = new Date(iso);
  const options: Intl.DateTimeFormatOptions = withDate
    ? { day: "numeric", month: "long", year: "numeric", hour: "2-digit", minute: "2-digit" }
    : { hour: "2-digit", minute: "2-digit" };
  const text = useSyncExternalStore(
    subscribe,
    () => date.toLocaleString("en-GB", options),
    () => `${date.toLocaleString("en-GB", { ...options, timeZone: "UTC" })} UTC`,
  );
  return <time dateTime={iso}>{text}</time>;
}
