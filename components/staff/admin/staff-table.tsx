"use client";

import { useActionState, useState } from "react";
import type { FormAction } from "@/components/form/form-action";
import { SubmitButton } from "@/components/form/submit-button";
import { ErrorSummary } from "@/components/form/error-summary";
import { SelectField } from "@/components/form/select-field";
import { NotificationBanner } from "@/components/form/notification-banner";
import { Tag } from "@/components/form/tag";
import { Table, TableRegion, Td, Th, Tr } from "@/components/staff/table-region";
import { IDLE, type ActionState } from "@/lib/actions/state";
import { ROLE_LABELS, STAFF_ROLES, type StaffRole } from "@/lib/auth/roles";

export type StaffRow = { id: string; name: string; email: string; role: StaffRole; disabled: boolean; lastSignIn: string | null; isYou: boolean };

/** Every staff account, with a role change and disable/enable on each row. */
export function StaffTable({
  staff,
  actions,
}: {
  staff: StaffRow[];
  actions: { changeRole: FormAction<{ userId: string; role: StaffRole }>; setDisabled: FormAction<{ userId: string; disabled: boolean }> };
}) {
  const [roleState, changeRole] = useActionState(actions.changeRole, IDLE);
  const [disabledState, setDisabled] = useActionState(actions.setDisabled, IDLE);
  const [last, setLast] = useState<"role" | "disabled" | null>(null);
  const latest: ActionState<unknown> | null = last === "role" ? roleState : last === "disabled" ? disabledState : null;
  const nameOf = (id: string | undefined) => staff.find((s) => s.id === id)?.name ?? "The account";

  let success: string | null = null;
  if (last === "role" && roleState.status === "ok" && roleState.result) success = `${nameOf(roleState.result.userId)} is now: ${ROLE_LABELS[roleState.result.role].toLowerCase()}.`;
  if (last === "disabled" && disabledState.status === "ok" && disabledState.result) {
    success = disabledState.result.disabled ? `${nameOf(disabledState.result.userId)} can no longer sign in, and was signed out everywhere.` : `${nameOf(disabledState.result.userId)} can sign in again.`;
  }

  return (
    <>
      {latest && (latest.status === "invalid" || latest.status === "error") ? (
        <ErrorSummary message={latest.message ?? Object.values(latest.errors ?? {})[0]} />
      ) : null}
      {success ? <NotificationBanner kind="success">{success}</NotificationBanner> : null}
      <TableRegion label="Staff accounts">
        <Table caption="Staff accounts" minWidth="sm:min-w-[48rem]" head={<><Th>Name</Th><Th>Role</Th><Th>Status</Th><Th><span className="sr-only">Actions</span></Th></>}>
          {staff.map((s) => (
            <Tr key={s.id}>
              <Td label="Name">
                <span className="font-bold">{s.name}</span>
                {s.isYou ? <span className="text-muted"> (you)</span> : null}
                <span className="block break-all text-sm text-muted">{s.email}</span>
              </Td>
              <Td label="Role">
                <form action={changeRole} onSubmit={() => setLast("role")} className="flex flex-wrap items-center gap-2">
                  <input type="hidden" name="userId" value={s.id} />
                  <SelectField
                    id={`role-${s.id}`}
                    name="role"
                    label={`Role for ${s.name}`}
                    labelHidden
                    defaultValue={s.role}
                    options={STAFF_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
                  />
                  <SubmitButton variant="secondary" small>
                    Change<span className="sr-only"> role for {s.name}</span>
                  </SubmitButton>
                </form>
              </Td>
              <Td label="Status">
                {s.disabled ? <Tag tone="grey">Disabled</Tag> : <Tag tone="green">Active</Tag>}
                <span className="block text-sm text-muted">{s.lastSignIn ? `Last signed in ${s.lastSignIn}` : "Never signed in"}</span>
              </Td>
              <Td label="">
                {s.isYou ? null : (
                  <form action={setDisabled} onSubmit={() => setLast("disabled")}>
                    <input type="hidden" name="userId" value={s.id} />
                    <input type="hidden" name="disabled" value={s.disabled ? "no" : "yes"} />
                    <SubmitButton variant={s.disabled ? "secondary" : "warning"} small>
                      {s.disabled ? "Enable" : "Disable"}
                      <span className="sr-only"> {s.name}</span>
                    </SubmitButton>
                  </form>
                )}
              </Td>
            </Tr>
          ))}
        </Table>
      </TableRegion>
    </>
  );
}
