/** A field's element id from its form name: `recipientEmail` → `recipient-email`, so error links are predictable. */
export function fieldId(name: string): string {
  return name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}
