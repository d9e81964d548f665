/** What a CSV import reports for each row: plain data the import page renders. */

export type ImportRowReport = {
  line: number;
  name: string;
  recipientEmail: string;
  status: "created" | "invalid" | "duplicate" | "error";
  reasons: string[];
  brokerageId?: string;
  /** Unless a mail server sends it: shown once in the report, never stored. */
  inviteUrl?: string;
};

/** `emailed`: each link's email was queued for the mail server (SMTP_URL); the outbox says whether it went. */
export type ImportReport = { rows: ImportRowReport[]; created: number; notCreated: number; emailed: boolean; messageIds: string[] };
