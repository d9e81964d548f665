import type { ButtonHTMLAttributes } from "react";

const styles = {
  /** The page's main action: Continue, Send. */
  primary: "px-4 py-2 text-lg bg-success text-white shadow-[0_2px_0_#002d18] hover:bg-[#005a30]",
  /** Actions beside the main one. */
  secondary: "px-4 py-2 bg-gray-200 text-ink shadow-[0_2px_0_#929191] hover:bg-gray-300",
  /** Inside a hint or suggestion. */
  small: "px-3 py-1.5 bg-gray-200 text-ink shadow-[0_2px_0_#929191] hover:bg-gray-300",
};

/** GOV.UK button: a solid block with a shadow; its words say what happens. */
export function Button({ variant = "primary", className = "", ...props }: { variant?: keyof typeof styles } & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type="submit" className={`inline-block font-bold disabled:opacity-60 ${styles[variant]} ${className}`} {...props} />;
}

export const buttonLinkClass = "inline-block bg-success px-4 py-2 text-lg font-bold text-white no-underline shadow-[0_2px_0_#002d18] hover:bg-[#005a30]";
export const secondaryButtonLinkClass = "inline-block bg-gray-200 px-4 py-2 text-lg font-bold text-ink no-underline shadow-[0_2px_0_#929191] hover:bg-gray-300";
