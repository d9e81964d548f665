"use client";

import { useActionState, useState } from "react";
import { resendInviteAction, revokeInviteAction } from "@/app/(staff)/staff/onboarding/actions";
import { CopyLink } from "@/components/staff/copy-link";
import { SubmitButton } from "@/components/staff/form/button";
import { ErrorSummary } from "@/components/staff/form/error-summary";
import { NotificationBanner } from "@/components/staff/notification-banner";
import { Tag } from "@/components/staff/stage-tag";
import { TableRegion, td, th } from "@/components/staff/table-region";
import { IDLE, type FormState } from "@/lib/auth/form-state";
import { DEFAULT_INVITE_DAYS } from "@/lib/onboarding/invite-days";

export type InviteRow = {
  id: string;
  recipient: string;
  status: "active" | "opened" | "revoked" | "expired";
  created: string;
  expires: string;
  sent: string | null;
};

const STATUS: Record<InviteRow["status"], { label: string; tone: "green" | "blue" | "grey" | "red" }> = {
  active: { label: "Not opened", tone: "blue" },
  opened: { label: "Opened", tone: "green" },
  revoked: { label: "Revoked", tone: "grey" },
  expired: { label: "Expired", tone: "red" },
};

/** The brokerage's links, with resend (a new link, the old one revoked) and revoke on each. */
export function InviteList({ invites }: { invites: InviteRow[] }) {
  const [resent, resend] = useActionState(resendInviteAction, IDLE);
  const [revoked, revoke] = useActionState(revokeInviteAction, IDLE);
  // Only the outcome of the form used last is shown.
  const [last, setLast] = useState<"resend" | "revoke" | null>(null);
  const latest: FormState<unknown> | null = last === "resend" ? resent : last === "revoke" ? revoked : null;

  return (
    <>
      {latest && latest.status !== "ok" && latest.status !== "idle" ? <ErrorSummary errors={latest.errors} message={latest.message ?? "Choose a link and try again"} /> : null}
      {last === "resend" && resent.status === "ok" && resent.result ? (
        <NotificationBanner title="New link sent">
          <p className="mb-4">
            A new link was emailed to {resent.result.recipientEmail}; the old link no longer works. This is the only time the new link is shown.
          </p>
          <CopyLink id="resent-link" url={resent.result.url} label="New invite link" />
        </NotificationBanner>
      ) : null}
      {last === "revoke" && revoked.status === "ok" ? <NotificationBanner>The link was revoked: it no longer opens the form.</NotificationBanner> : null}

      {invites.length === 0 ? (
        <p className="mb-6 text-lg">No invite links yet.</p>
      ) : (
        <TableRegion label="Invite links">
          <table className="w-full min-w-[40rem] border-collapse">
            <caption className="sr-only">Invite links, newest first</caption>
            <thead>
              <tr>
                <th scope="col" className={th}>
                  Recipient
                </th>
                <th scope="col" className={th}>
                  Status
                </th>
                <th scope="col" className={th}>
                  Created
                </th>
                <th scope="col" className={th}>
                  Expires
                </th>
                <th scope="col" className={th}>
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {invites.map((invite) => {
                const usable = invite.status === "active" || invite.status === "opened";
                return (
                  <tr key={invite.id}>
                    <td className={`${td} break-all`}>{invite.recipient}</td>
                    <td className={td}>
                      <Tag tone={STATUS[invite.status].tone}>{STATUS[invite.status].label}</Tag>
                    </td>
                    <td className={td}>
                      {invite.created}
                      {invite.sent ? <span className="block text-sm text-muted">Emailed {invite.sent}</span> : <span className="block text-sm text-muted">Not emailed</span>}
                    </td>
                    <td className={td}>{invite.expires}</td>
                    <td className={`${td} whitespace-nowrap`}>
                      <div className="flex flex-wrap gap-2">
                        <form action={resend} onSubmit={() => setLast("resend")}>
                          <input type="hidden" name="inviteId" value={invite.id} />
                          <input type="hidden" name="days" value={DEFAULT_INVITE_DAYS} />
                          <SubmitButton variant="secondary" small>
                            {usable ? "Resend" : "Send a new link"}
                            <span className="sr-only"> to {invite.recipient}</span>
                          </SubmitButton>
                        </form>
                        {usable ? (
                          <form action={revoke} onSubmit={() => setLast("revoke")}>
                            <input type="hidden" name="inviteId" value={invite.id} />
                            <SubmitButton variant="warning" small>
                              Revoke<span className="sr-only"> the link for {invite.recipient}</span>
                            </SubmitButton>
                          </form>
                        ) : null}
                      </div>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableRegion>
      )}
    </>
  );
}
