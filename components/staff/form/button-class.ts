/** Button looks, shared by submit buttons and links styled as buttons (server or client). */
const variants = {
  primary: "bg-brand-700 text-white shadow-[0_2px_0_#0b0c0c] hover:bg-brand-800",
  secondary: "bg-[#f3f2f1] text-ink shadow-[0_2px_0_#929191] hover:bg-[#dbdad9]",
  warning: "bg-[#d4351c] text-white shadow-[0_2px_0_#55150b] hover:bg-[#aa2a16]",
};

export type ButtonVariant = keyof typeof variants;

export const buttonClass = (variant: ButtonVariant = "primary", small = false) =>
  `inline-block rounded-none ${small ? "px-3 py-1 text-base" : "px-5 py-2 text-lg"} font-bold no-underline ${variants[variant]} disabled:opacity-60`;
