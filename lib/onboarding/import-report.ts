/** What a CSV import reports for each row: plain data the import page renders. */

export type ImportRowReport = {
  line: number;
  name: string;
  recipientEmail: string;
  status: "created" | "invalid" | "duplicate" | "error";
  reasons: string[];
  brokerageId?: string;
  /** Only when the link was not emailed: shown once in the report, never stored. */
  inviteUrl?: string;
};

export type ImportReport = { rows: ImportRowReport[]; created: number; notCreated: number; emailed: boolean; messageIds: string[] };
