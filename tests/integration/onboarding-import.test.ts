import { and, eq, ilike, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { inAuditedTransaction, type Change } from "@/lib/audit/change";
import { UserError } from "@/lib/errors";
import { db } from "@/lib/db/client";
import { auditEvents, brokerages, invites, outgoingMessages } from "@/lib/db/schema";
import { importBrokerages, readImportFile } from "@/lib/onboarding/import";
import { createStaff } from "../support/staff";

let staffId: string;
let csm: { id: string; email: string };
const runChange = <T>(fn: (change: Change) => Promise<T>) => inAuditedTransaction({ type: "staff", id: staffId }, { ip: "192.0.2.5", userAgent: "test" }, fn);

beforeAll(async () => {
  staffId = (await createStaff("onboarding")).id;
  csm = await createStaff("csm");
  await db().insert(brokerages).values({ name: "Existing Homes", emailDomain: "existing.example" });
  // A database rule standing in for any failure after the brokerage row is written:
  // the invite for this one recipient cannot be stored.
  await db().$client.unsafe(`
    create function refuse_test_invite() returns trigger language plpgsql as $$
    begin
      if new.recipient_email = 'cannot-store@halfway.example' then raise exception 'invite refused by test rule'; end if;
      return new;
    end $$;
    create trigger refuse_test_invite before insert on invites for each row execute function refuse_test_invite();`);
});

const CSV = (csmEmail: string) =>
  [
    "Brokerage Name,Email Domain,Recipient Email,Recipient Name,CSM Email",
    `Harbor Realty,HarborRealty.com,IT@HarborRealty.com,Sam Lee,${csmEmail}`,
    `"Summit Homes, LLC",https://www.summit.example/,admin@summit.example,,`,
    `,nodomain,not-an-email,,`,
    `Lakeside Realty,lakeside.example,it@lakeside.example,,nobody@staff.example`,
    `harbor realty,harbor2.example,someone@harbor2.example,,`,
    `Existing Homes,existing.example,it@existing.example,,`,
    `Halfway Realty,halfway.example,cannot-store@halfway.example,,`,
    `Valley Realty,valley.example,ops@valley.example,"Jo ""JJ"" Park",`,
  ].join("\r\n") + "\r\n";

describe("bulk onboarding from a CSV file", () => {
  it("creates the valid lines, reports every other line with its reason, and leaves nothing half-created", async () => {
    const report = await importBrokerages(runChange, CSV(csm.email.toUpperCase()), { sendEmail: true, days: 7 });

    expect(report.rows.map((r) => [r.line, r.status])).toEqual([
      [2, "created"],
      [3, "created"],
      [4, "invalid"],
      [5, "invalid"],
      [6, "duplicate"],
      [7, "duplicate"],
      [8, "error"],
      [9, "created"],
    ]);
    // Asked to email, but no mail server is set up: nothing is sent, so the links come back to copy.
    expect(report).toMatchObject({ created: 3, notCreated: 5, emailed: false });
    expect(report.rows.filter((r) => r.status === "created").every((r) => /\/invite\/[A-Za-z0-9_-]{43}$/.test(r.inviteUrl ?? ""))).toBe(true);
    const byLine = new Map(report.rows.map((r) => [r.line, r]));
    expect(byLine.get(4)?.reasons).toEqual([
      "Enter the brokerage's name",
      "Enter an email domain in the correct format, like harborrealty.com",
      "Enter an email address in the correct format, like name@example.com",
    ]);
    expect(byLine.get(5)?.reasons).toEqual(["nobody@staff.example is not an active customer-success manager"]);
    expect(byLine.get(6)?.reasons).toEqual(["The same brokerage is on line 2 of this file"]);
    expect(byLine.get(7)?.reasons).toEqual(["A brokerage called Existing Homes already exists"]);
    expect(byLine.get(8)?.reasons[0]).toMatch(/^Could not be created, and nothing from this line was saved \(reference [0-9a-f]{8}\)$/);

    // Created lines: normalised values, an invite each, an email each, the CSM assigned.
    const [harbor] = await db().select().from(brokerages).where(eq(brokerages.name, "Harbor Realty"));
    expect(harbor).toMatchObject({ emailDomain: "harborrealty.com", csmId: csm.id, stage: "invited" });
    const [summit] = await db().select().from(brokerages).where(eq(brokerages.name, "Summit Homes, LLC"));
    expect(summit?.emailDomain).toBe("summit.example");
    const created = await db()
      .select()
      .from(brokerages)
      .where(inArray(brokerages.name, ["Harbor Realty", "Summit Homes, LLC", "Valley Realty"]));
    const createdInvites = await db()
      .select()
      .from(invites)
      .where(inArray(invites.brokerageId, created.map((b) => b.id)));
    expect(createdInvites.map((i) => i.recipientEmail).sort()).toEqual(["admin@summit.example", "it@harborrealty.com", "ops@valley.example"]);
    expect(createdInvites.find((i) => i.recipientEmail === "ops@valley.example")?.recipientName).toBe('Jo "JJ" Park');
    expect(await db().$count(outgoingMessages, inArray(outgoingMessages.toAddress, createdInvites.map((i) => i.recipientEmail)))).toBe(3);

    // Nothing half-created: the line whose invite failed left no brokerage, and nothing came from the refused lines.
    expect(await db().$count(brokerages, eq(brokerages.name, "Halfway Realty"))).toBe(0);
    expect(await db().$count(brokerages, eq(brokerages.name, "Lakeside Realty"))).toBe(0);
    expect(await db().$count(brokerages, ilike(brokerages.name, "harbor realty"))).toBe(1);
    expect(await db().$count(brokerages, eq(brokerages.name, "Existing Homes"))).toBe(1);
    expect(await db().$count(outgoingMessages, eq(outgoingMessages.toAddress, "cannot-store@halfway.example"))).toBe(0);

    // Audited per created line, with who and where, plus one summary event.
    const events = await db()
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.actorId, staffId), eq(auditEvents.action, "brokerage.created")));
    expect(events).toHaveLength(3);
    expect(events[0]).toMatchObject({ actorType: "staff", ip: "192.0.2.5" });
    const [summary] = await db().select().from(auditEvents).where(eq(auditEvents.action, "brokerages.imported"));
    expect(summary?.detail).toEqual({ rows: 8, created: 3, notCreated: 5, emailed: true });
  });

  it("returns the links, once, when they are not emailed", async () => {
    const report = await importBrokerages(runChange, "brokerage name,email domain,recipient email\nCopy Realty,copy.example,it@copy.example\n", { sendEmail: false });
    expect(report.rows[0]?.inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(await db().$count(outgoingMessages, eq(outgoingMessages.toAddress, "it@copy.example"))).toBe(0);
  });

  it("refuses a file that is not a usable CSV, naming the problem", () => {
    const problem = (text: string) => {
      try {
        readImportFile(text);
        return "accepted";
      } catch (error) {
        expect(error).toBeInstanceOf(UserError);
        return (error as UserError).message;
      }
    };
    expect(problem("")).toBe("The selected file is empty");
    expect(problem("name,recipient email\nA,a@b.example")).toBe(
      "The first row must name the columns. Missing: email domain. Download the template to see the layout.",
    );
    expect(problem("brokerage name,email domain,recipient email\n")).toBe("The file has column names but no rows");
    expect(problem('brokerage name,email domain,recipient email\n"Open,a.example,b@a.example')).toMatch(/never closed/);
    expect(problem(`brokerage name,email domain,recipient email\n${"A,a.example,b@a.example\n".repeat(1001)}`)).toMatch(/1000 rows or fewer/);
  });
});
