import type { ReactNode } from "react";

const kinds = {
  /** Something to know before going on. */
  important: { title: "Important", colour: "border-brand-700", heading: "bg-brand-700", role: "region" },
  /** A change that just happened. */
  success: { title: "Success", colour: "border-success", heading: "bg-success", role: "alert" },
} as const;

/** GOV.UK notification banner: information that is not an error. */
export function NotificationBanner({ title, children, kind = "important", role }: { title?: string; children: ReactNode; kind?: keyof typeof kinds; role?: "status" | "region" | "alert" }) {
  const look = kinds[kind];
  const shownRole = role ?? look.role;
  return (
    <div role={shownRole} aria-labelledby={shownRole === "status" ? undefined : "notification-banner-title"} className={`mb-8 border-4 ${look.colour}`}>
      <h2 id="notification-banner-title" className={`${look.heading} px-4 py-1 font-bold text-white`}>
        {title ?? look.title}
      </h2>
      <div className="bg-white p-4 text-lg">{children}</div>
    </div>
  );
}
