import type { ButtonHTMLAttributes } from "react";

const variants = {
  /** The page's main action: Continue, Send, Create. */
  primary: "bg-success text-white hover:bg-success/85",
  /** Actions beside the main one. */
  secondary: "bg-gray-200 text-ink hover:bg-gray-300",
  /** Actions that destroy or take away: Revoke, Disable. */
  warning: "bg-error text-white hover:bg-error/85",
};

export type ButtonVariant = keyof typeof variants;

/**
 * GOV.UK button looks: a solid block with a shadow. Shared by buttons and links styled as
 * buttons, in server and client components alike (this module has no "use client").
 */
export const buttonClass = (variant: ButtonVariant = "primary", small = false) =>
  `inline-block font-bold no-underline shadow-[0_2px_0_var(--color-ink)] disabled:opacity-60 ${small ? "px-3 py-1 text-base" : "px-4 py-2 text-lg"} ${variants[variant]}`;

/** A button whose words say what happens; a submit button unless `type` says otherwise. */
export function Button({ variant = "primary", small = false, className = "", ...props }: { variant?: ButtonVariant; small?: boolean } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="submit" className={`${buttonClass(variant, small)} ${className}`} {...props} />;
}
