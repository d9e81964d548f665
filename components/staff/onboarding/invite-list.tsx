"use client";

import { useActionState, useState } from "react";
import { CopyLink } from "@/components/staff/copy-link";
import type { FormAction } from "@/components/form/form-action";
import { ConfirmSubmit } from "@/components/form/confirm-submit";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { emailSentence, type ShownInvite } from "@/components/staff/onboarding/email-sentence";
import { NotificationBanner } from "@/components/form/notification-banner";
import { Tag } from "@/components/form/tag";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { formatDate } from "@/lib/format/dates";
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
export function InviteList({ invites, actions }: { invites: InviteRow[]; actions: { resend: FormAction<ShownInvite>; revoke: FormAction } }) {
  const [resent, resend] = useActionState(actions.resend, IDLE);
  const [revoked, revoke] = useActionState(actions.revoke, IDLE);
  // Only the outcome of the form used last is shown.
  const [last, setLast] = useState<"resend" | "revoke" | null>(null);
  const latest: ActionState<unknown> | null = last === "resend" ? resent : last === "revoke" ? revoked : null;

  return (
    <>
      {latest && latest.status !== "ok" && latest.status !== "idle" ? <ErrorSummary errors={latest.errors} message={latest.message ?? "Choose a link and try again"} /> : null}
      {last === "resend" && resent.status === "ok" && resent.result ? (
        <NotificationBanner kind="success" title="New link sent">
          <p className="mb-4">
            The old link no longer works. {emailSentence(resent.result)} The new link works until {formatDate(new Date(resent.result.expiresAt))}, and this
            is the only time it is shown.
          </p>
          <CopyLink id="resent-link" url={resent.result.url} label="New invite link" />
        </NotificationBanner>
      ) : null}
      {last === "revoke" && revoked.status === "ok" ? <NotificationBanner kind="success">The link was revoked: it no longer opens the form.</NotificationBanner> : null}

      {invites.length === 0 ? (
        <p className="mb-6 text-lg">No invite links yet.</p>
      ) : (
        <TableRegion label="Invite links">
          <Table caption="Invite links, newest first" head={<><Th>Recipient</Th><Th>Status</Th><Th>Created</Th><Th>Expires</Th><Th><span className="sr-only">Actions</span></Th></>}>
            {invites.map((invite) => {
              const usable = invite.status === "active" || invite.status === "opened";
              return (
                <Tr key={invite.id}>
                  <Td label="Recipient" className="break-all">
                    {invite.recipient}
                  </Td>
                  <Td label="Status">
                    <Tag tone={STATUS[invite.status].tone}>{STATUS[invite.status].label}</Tag>
                  </Td>
                  <Td label="Created">
                    {invite.created}
                    <span className="block text-sm text-muted">{invite.sent ? `Emailed ${invite.sent}` : "Not emailed"}</span>
                  </Td>
                  <Td label="Expires">{invite.expires}</Td>
                  <Td label="">
                    <div className="flex flex-wrap gap-2 max-sm:pt-2">
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
                          <ConfirmSubmit label="Revoke" confirm="Yes, revoke" target={`the link for ${invite.recipient}`} question="The link stops opening the form at once. You can send a new one later." />
                        </form>
                      ) : null}
                    </div>
                  </Td>
                </Tr>
              );
            })}
          </Table>
        </TableRegion>
      )}
    </>
  );
}
