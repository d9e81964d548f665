/** The help article's fallback: every agent can sync a free Gmail account of their own. */
export function FreeGmailFallback({ productName }: { productName: string }) {
  return (
    <>
      <p>
        Each agent can connect {productName} to a free personal Gmail account instead. Every agent does this on their own, from{" "}
        {productName}; the office does nothing and no administrator is needed.
      </p>
      <p>
        Contacts and calendar then sync with that Gmail account rather than the office mailbox, and email sent from {productName}{" "}
        goes out from the Gmail address. You can connect the office email later, when it is ready.
      </p>
    </>
  );
}
