import { Button } from "@/components/form/button";
import { TextField } from "@/components/form/text-field";

/**
 * Asks for the work email domain and sends it to /email-provider, which leads to the
 * branch that fits. A plain GET form: works without JavaScript, and the answer is a link.
 */
export function EmailDomainForm({ value, error, label = "Your work email address or domain (optional)" }: { value?: string; error?: string; label?: string }) {
  return (
    <form action="/email-provider" method="get" noValidate>
      <TextField
        id="domain"
        name="domain"
        label={label}
        hint="For example, yourbrokerage.com or name@yourbrokerage.com. We look up which email service it uses; nothing is saved."
        error={error}
        defaultValue={value}
        type="text"
        inputMode="email"
        autoComplete="email"
        spellCheck={false}
        autoCapitalize="none"
        width="medium"
      />
      <Button variant="secondary">Find the steps for my email</Button>
    </form>
  );
}
