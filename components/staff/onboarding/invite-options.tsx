import { Checkbox } from "@/components/form/checkbox";
import { Radios } from "@/components/form/radios";
import type { ActionState } from "@/lib/actions/state";
import { DEFAULT_INVITE_DAYS, INVITE_DAY_CHOICES } from "@/lib/onboarding/invite-days";

/** The two choices every new invite link comes with: how long it works, and whether it is emailed. */
export function InviteOptions({
  state,
  errors,
  daysLegend,
  email,
  mailServer,
}: {
  state: ActionState<unknown>;
  errors?: Record<string, string>;
  daysLegend: string;
  email: { label: string; hint: string };
  /** Whether SMTP_URL is set: without it nothing is sent, so emailing is not the default. */
  mailServer: boolean;
}) {
  return (
    <>
      <Radios
        name="days"
        legend={daysLegend}
        inline
        error={errors?.days}
        defaultValue={state.values?.days ?? String(DEFAULT_INVITE_DAYS)}
        options={INVITE_DAY_CHOICES.map((d) => ({ value: String(d), label: `${d} days` }))}
      />
      <Checkbox
        name="sendEmail"
        value="yes"
        label={email.label}
        hint={mailServer ? email.hint : `No mail server is set up, so nothing is sent: the email waits in the outbox without its link. ${email.hint}.`}
        defaultChecked={state.status === "idle" ? mailServer : state.values?.sendEmail === "yes"}
      />
    </>
  );
}
