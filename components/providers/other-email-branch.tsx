import Link from "next/link";
import { BranchPage, BranchSection, linkClass, supportMailto } from "./branch-ui";
import { FreeGmailFallback } from "./free-gmail-fallback";

/** Neither Microsoft 365 nor Google Workspace: what the product supports and what agents can do instead. */
export function OtherEmailBranch({ productName, vendorName, supportEmail }: { productName: string; vendorName: string; supportEmail: string }) {
  return (
    <BranchPage caption="Setup guide" title="Your email is not Microsoft 365 or Google Workspace">
      <p>
        {productName} syncs with office email in Microsoft 365 or Google Workspace. Your domain does not appear to use either:
        its mail goes to another email service, or it receives no email at all.
      </p>

      <BranchSection id="what-agents-can-do" title="What your agents can do instead">
        <FreeGmailFallback productName={productName} />
      </BranchSection>

      <BranchSection id="if-this-is-wrong" title="If this looks wrong">
        <ul className="list-disc space-y-2 pl-6">
          <li>
            Your mailboxes are in Microsoft 365 but mail arrives through a filtering service first: follow the{" "}
            <Link className={linkClass} href="/guide">
              Microsoft 365 setup guide
            </Link>
            . We check what you submit with Microsoft, whatever this page said.
          </li>
          <li>
            Your email is Google Workspace: see{" "}
            <Link className={linkClass} href="/guide/google-workspace">
              the Google Workspace page
            </Link>
            .
          </li>
          <li>
            You typed another domain than your work email’s:{" "}
            <Link className={linkClass} href="/email-provider">
              try again
            </Link>
            .
          </li>
        </ul>
      </BranchSection>

      <BranchSection id="moving-later" title="Moving to Microsoft 365 or Google Workspace later">
        <p>
          If your office moves its email to either, come back then and connect it for the whole brokerage. Questions:{" "}
          <a className={linkClass} href={supportMailto(supportEmail, `${productName} and our email service`)}>
            {supportEmail}
          </a>{" "}
          ({vendorName}).
        </p>
      </BranchSection>
    </BranchPage>
  );
}
