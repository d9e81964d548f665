/** A wide table that scrolls sideways on a phone; focusable so the keyboard can scroll it too. */
export function TableRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="mb-6 overflow-x-auto focus-visible:outline-[3px]">
      {children}
    </div>
  );
}

export const th = "border-b-2 border-ink px-2 py-2 text-left align-bottom font-bold";
export const td = "border-b border-gray-300 px-2 py-3 align-top";
