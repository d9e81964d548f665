import type { ButtonHTMLAttributes } from "react";

const styles = {
  primary: "bg-success text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]",
  secondary: "bg-gray-200 text-ink shadow-[0_2px_0_#929191] hover:bg-gray-300",
  warning: "bg-error text-white shadow-[0_2px_0_#55150b]",
};

/** GOV.UK button: a solid block with a shadow, text says what happens. */
export function Button({ variant = "primary", className = "", ...props }: { variant?: keyof typeof styles } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return (
    <button
      type="submit"
      className={`inline-block px-4 py-2 text-lg font-bold disabled:opacity-60 ${styles[variant]} ${className}`}
      {...props}
    />
  );
}

export const buttonLinkClass = "inline-block bg-success px-4 py-2 text-lg font-bold text-white no-underline shadow-[0_2px_0_#002d18] hover:bg-[#005a30]";
export const secondaryButtonLinkClass = "inline-block bg-gray-200 px-4 py-2 text-lg font-bold text-ink no-underline shadow-[0_2px_0_#929191] hover:bg-gray-300";
