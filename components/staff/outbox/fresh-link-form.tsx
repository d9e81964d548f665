"use client";

import { useActionState } from "react";
import { CopyLink } from "@/components/staff/copy-link";
import type { FormAction } from "@/components/form/form-action";
import { SubmitButton } from "@/components/form/submit-button";
import { emailSentence, type ShownInvite } from "@/components/staff/onboarding/email-sentence";
import { IDLE } from "@/lib/actions/state";
import { formatDate } from "@/lib/format/dates";
import { DEFAULT_INVITE_DAYS } from "@/lib/onboarding/invite-days";

/**
 * An outbox message keeps its invite link hidden. Someone who owns invites makes a new
 * link for it (the old one stops working) and sees it this once, to send by hand.
 */
export function FreshLinkForm({ inviteId, label, action }: { inviteId: string; label: string; action: FormAction<ShownInvite> }) {
  const [state, formAction] = useActionState(action, IDLE);
  if (state.status === "ok" && state.result) {
    return (
      <div className="mt-2 space-y-2">
        <p>
          The old link no longer works. {emailSentence(state.result)} The new link works until {formatDate(new Date(state.result.expiresAt))}; this is the
          only time it is shown.
        </p>
        <CopyLink id={`fresh-link-${inviteId}`} url={state.result.url} label={`New link for ${label}`} />
      </div>
    );
  }
  return (
    <form action={formAction} className="mt-2">
      <input type="hidden" name="inviteId" value={inviteId} />
      <input type="hidden" name="days" value={DEFAULT_INVITE_DAYS} />
      {state.status !== "idle" && state.message ? <p className="mb-2 font-bold text-error">{state.message}</p> : null}
      <SubmitButton variant="secondary" small>
        Make a new link
      </SubmitButton>
    </form>
  );
}
