import type { Metadata } from "next";
import { NotificationBanner } from "@/components/form/notification-banner";
import { Pagination } from "@/components/staff/pagination";
import { Tag } from "@/components/form/tag";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { requireStaffRole } from "@/lib/auth/require-staff-role";
import { FreshLinkForm } from "@/components/staff/outbox/fresh-link-form";
import { AREA_ROLES, canUse } from "@/lib/auth/roles";
import { resendInviteAction } from "../onboarding/actions";
import { formatDateTime } from "@/lib/format/dates";
import { listOutbox } from "@/lib/email/outbox";
import { env } from "@/lib/env";
import { pageParams } from "@/lib/pagination/keyset";

export const metadata: Metadata = { title: "Outbox" };

/** What really happened to each message. */
const STATUS = {
  queued: { label: "Queued to send", tone: "yellow" },
  sent: { label: "Sent", tone: "green" },
  failed: { label: "Failed to send", tone: "red" },
  outbox: { label: "Not sent: send by hand", tone: "blue" },
} as const;

export default async function OutboxPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const staff = await requireStaffRole(...AREA_ROLES.outbox);
  const ownsInvites = canUse(staff.role, "onboarding");
  const page = pageParams(await searchParams).page ?? 1;
  const { rows, total, pages } = await listOutbox(page);
  const smtp = Boolean(env().SMTP_URL);

  return (
    <div>
      <h1 className="mb-4 text-3xl font-bold sm:text-4xl">Outbox</h1>
      {smtp ? (
        <p className="mb-6 max-w-3xl text-lg">Every email the portal has written, newest first. Messages are sent through the configured mail server; a message that could not be delivered after several tries says why.</p>
      ) : (
        <NotificationBanner title="Email is not sent">
          No mail server is configured (SMTP_URL), so nothing is sent: messages stay here to send by hand. Invite links are
          hidden; make a new link for a message to send it.
        </NotificationBanner>
      )}
      <p className="mb-4 text-lg">
        {total} {total === 1 ? "message" : "messages"}
      </p>
      {rows.length === 0 ? (
        <p className="text-lg">No messages yet.</p>
      ) : (
        <TableRegion label="Outgoing messages">
          <Table caption="Outgoing messages, newest first" minWidth="sm:min-w-[44rem]" head={<><Th>Written</Th><Th>To</Th><Th>Message</Th><Th>Status</Th></>}>
            {rows.map((m) => (
              <Tr key={m.id}>
                <Td label="Written" className="sm:whitespace-nowrap">
                  {formatDateTime(m.createdAt)}
                </Td>
                <Td label="To" className="break-all">
                  {m.toAddress ?? <span className="text-muted">Nobody yet</span>}
                </Td>
                <Td label="Message">
                  <details>
                    <summary className="cursor-pointer text-brand-700 underline">{m.subject}</summary>
                    <pre className="mt-2 whitespace-pre-wrap break-words bg-panel p-3 font-sans text-base">{m.textBody}</pre>
                  </details>
                  {m.brokerageName ? <span className="block text-sm text-muted">{m.brokerageName}</span> : null}
                </Td>
                <Td label="Status">
                  <Tag tone={STATUS[m.status].tone}>{STATUS[m.status].label}</Tag>
                  {m.sentAt ? <span className="block text-sm text-muted">{formatDateTime(m.sentAt)}</span> : null}
                  {m.status !== "sent" && m.lastError ? (
                    <span className="block text-sm text-muted">
                      After {m.attempts} {m.attempts === 1 ? "try" : "tries"}: {m.lastError}
                    </span>
                  ) : null}
                  {m.inviteId && (m.status === "outbox" || m.status === "failed") ? (
                    ownsInvites ? (
                      <FreshLinkForm inviteId={m.inviteId} label={m.toAddress ?? m.subject} action={resendInviteAction} />
                    ) : (
                      <span className="block text-sm text-muted">Its link is hidden: the onboarding team can make a new one.</span>
                    )
                  ) : null}
                </Td>
              </Tr>
            ))}
          </Table>
        </TableRegion>
      )}
      <Pagination page={page} pages={pages} href={(p) => `/staff/outbox?page=${p}`} />
    </div>
  );
}
