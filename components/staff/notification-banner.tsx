/** GOV.UK notification banner: "success" after a change, "important" for something to know. */
export function NotificationBanner({ title, children, kind = "success" }: { title?: string; children: React.ReactNode; kind?: "success" | "important" }) {
  const colour = kind === "success" ? "border-[#00703c]" : "border-brand-700";
  const heading = kind === "success" ? "bg-[#00703c]" : "bg-brand-700";
  return (
    <div role={kind === "success" ? "alert" : "region"} aria-labelledby="notification-title" className={`mb-8 border-4 ${colour}`}>
      <h2 id="notification-title" className={`${heading} px-4 py-1 font-bold text-white`}>
        {title ?? (kind === "success" ? "Success" : "Important")}
      </h2>
      <div className="p-4 text-lg">{children}</div>
    </div>
  );
}
