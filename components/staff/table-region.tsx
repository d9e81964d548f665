/**
 * Tables for staff pages. From the sm breakpoint up they are ordinary tables (scrolling
 * sideways in a focusable region if the window is narrow). On a phone each row stacks
 * into a card, each cell labelled by its column; explicit ARIA roles keep the table's
 * meaning for screen readers, which browsers drop once display changes. Row and cell
 * styles are the `staff-tr` and `staff-td` classes in app/globals.css.
 */
export function TableRegion({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div role="region" aria-label={label} tabIndex={0} className="mb-6 sm:overflow-x-auto focus-visible:outline-[3px]">
      {children}
    </div>
  );
}

export function Table({ caption, minWidth = "sm:min-w-[40rem]", head, children }: { caption: string; minWidth?: string; head: React.ReactNode; children: React.ReactNode }) {
  return (
    <table role="table" className={`w-full border-collapse ${minWidth} max-sm:block`}>
      <caption className="sr-only">{caption}</caption>
      <thead role="rowgroup" className="max-sm:sr-only">
        <tr role="row">{head}</tr>
      </thead>
      <tbody role="rowgroup" className="max-sm:block">
        {children}
      </tbody>
    </table>
  );
}

export function Tr({ children }: { children: React.ReactNode }) {
  return (
    <tr role="row" className="staff-tr">
      {children}
    </tr>
  );
}

export function Th({ children }: { children: React.ReactNode }) {
  return (
    <th role="columnheader" scope="col" className="border-b-2 border-ink px-2 py-2 text-left align-bottom font-bold">
      {children}
    </th>
  );
}

/** A cell; `label` is its column's name, shown above the value on a phone. */
export function Td({ label, className = "", children }: { label: string; className?: string; children: React.ReactNode }) {
  return (
    <td
      role="cell"
      data-label={label}
      className={className ? `staff-td ${className}` : "staff-td"}
    >
      {children}
    </td>
  );
}
