import type { ReactNode } from "react";

/** GOV.UK notification banner: important information that is not an error. */
export function NotificationBanner({ title = "Important", children, role }: { title?: string; children: ReactNode; role?: "status" | "region" }) {
  return (
    <div
      role={role ?? "region"}
      aria-labelledby={role === "status" ? undefined : "notification-banner-title"}
      className="mb-8 border-4 border-brand-700"
    >
      <h2 id="notification-banner-title" className="bg-brand-700 px-4 py-1 font-bold text-white">
        {title}
      </h2>
      <div className="bg-white p-4 text-lg">{children}</div>
    </div>
  );
}
