"use client";

import { useEffect, type ReactNode } from "react";
import { NotificationBanner } from "@/components/form/notification-banner";

/**
 * The success banner an action redirects to (`?notice=`), shown once: the parameter is
 * taken out of the address as soon as it is shown, so reloading, bookmarking or going
 * back to the page does not announce the change again.
 */
export function OneTimeNotice({ children }: { children: ReactNode }) {
  useEffect(() => {
    const url = new URL(window.location.href);
    if (!url.searchParams.has("notice")) return;
    url.searchParams.delete("notice");
    // Next's router follows replaceState, so later refreshes render the page without it.
    window.history.replaceState(null, "", `${url.pathname}${url.search}${url.hash}`);
  }, []);
  return <NotificationBanner kind="success">{children}</NotificationBanner>;
}
