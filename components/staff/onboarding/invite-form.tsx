"use client";

import Link from "next/link";
import { useActionState } from "react";
import { CopyLink } from "@/components/staff/copy-link";
import type { FormAction } from "@/components/form/form-action";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { TextField } from "@/components/form/text-field";
import { NotificationBanner } from "@/components/form/notification-banner";
import { emailSentence, type ShownInvite } from "./email-sentence";
import { IDLE } from "@/lib/actions/state";
import { formatDate } from "@/lib/format/dates";
import { InviteOptions } from "./invite-options";

/** Create an invite link; on success the link is shown this once, with a copy button. */
export function InviteForm({ brokerageId, brokerageName, create, mailServer }: { brokerageId: string; brokerageName: string; create: FormAction<ShownInvite>; mailServer: boolean }) {
  const [state, action] = useActionState(create, IDLE);
  const back = `/staff/onboarding/brokerages/${brokerageId}`;

  if (state.status === "ok" && state.result) {
    const invite = state.result;
    return (
      <>
        <NotificationBanner kind="success" title="Invite link created">
          <p className="mb-2">
            {emailSentence(invite)} It works until {formatDate(new Date(invite.expiresAt))}.
          </p>
          <p className="mb-4 font-bold">This is the only time the link is shown. Copy it now if you need it.</p>
          <CopyLink id="invite-link" url={invite.url} label={`Invite link for ${brokerageName}`} />
        </NotificationBanner>
        <Link href={back} className="text-lg text-brand-700 underline">
          See all invite links for {brokerageName}
        </Link>
      </>
    );
  }

  return (
    <>
      <ErrorSummary errors={state.errors} message={state.message} />
      <form action={action} noValidate>
        <input type="hidden" name="brokerageId" value={brokerageId} />
        <TextField
          name="recipientEmail"
          label="Recipient's email address"
          hint="The brokerage's Microsoft 365 administrator, who will create the app registration"
          type="email"
          autoComplete="off"
          spellCheck={false}
          error={state.errors?.recipientEmail}
          defaultValue={state.values?.recipientEmail}
        />
        <TextField name="recipientName" label="Recipient's name (optional)" autoComplete="off" error={state.errors?.recipientName} defaultValue={state.values?.recipientName} />
        <InviteOptions
          state={state}
          errors={state.errors}
          daysLegend="The link works for"
          email={{ label: "Email the link to the recipient now", hint: "Leave this unticked to copy the link and send it yourself" }}
          mailServer={mailServer}
        />
        <SubmitButton>Create invite link</SubmitButton>
      </form>
    </>
  );
}
