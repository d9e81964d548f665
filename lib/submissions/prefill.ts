import type { AccessScope } from "../validation/access-scope";
import { EMPTY_SUBMISSION } from "../validation/submission";
import type { PrefillValues } from "./form-state";

type Source = {
  tenantId: string;
  clientId: string;
  secretExpiresOn: string;
  testMailbox: string;
  sendTestMessage: boolean;
  accessScope?: AccessScope;
  outsideMailbox?: string | null;
  submitterName: string;
  submitterEmail: string;
  submitterPhone: string | null;
};

const EMPTY_SUBMISSION_WITHOUT_SECRET: PrefillValues = {
  tenantId: "",
  clientId: "",
  expiry: EMPTY_SUBMISSION.expiry,
  testMailbox: "",
  sendTestMessage: EMPTY_SUBMISSION.sendTestMessage,
  accessScope: EMPTY_SUBMISSION.accessScope,
  outsideMailbox: "",
  submitterName: "",
  submitterEmail: "",
  submitterPhone: "",
};

/** The last attempt's answers, minus the secret, as the form's starting values. */
export function prefillFrom(attempt: Source | null): PrefillValues {
  if (!attempt) {
    return {
      ...EMPTY_SUBMISSION_WITHOUT_SECRET,
      expiry: { ...EMPTY_SUBMISSION.expiry },
    };
  }
  const [year = "", month = "", day = ""] = attempt.secretExpiresOn.split("-");
  return {
    tenantId: attempt.tenantId,
    clientId: attempt.clientId,
    expiry: { day: String(Number(day)), month: String(Number(month)), year },
    testMailbox: attempt.testMailbox,
    sendTestMessage: attempt.sendTestMessage,
    accessScope: attempt.accessScope ?? "organization",
    outsideMailbox: attempt.outsideMailbox ?? "",
    submitterName: attempt.submitterName,
    submitterEmail: attempt.submitterEmail,
    submitterPhone: attempt.submitterPhone ?? "",
  };
}
