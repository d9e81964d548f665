import type { ReactNode } from "react";

const tones = {
  success: "bg-success text-white",
  failure: "bg-error text-white",
  neutral: "bg-brand-800 text-white",
};

/** GOV.UK panel: the big coloured box that says how it ended. */
export function Panel({ title, children, tone = "success", headingLevel = 1 }: { title: ReactNode; children?: ReactNode; tone?: keyof typeof tones; headingLevel?: 1 | 2 }) {
  const Heading = headingLevel === 1 ? "h1" : "h2";
  return (
    <div className={`mb-8 p-6 text-center sm:p-8 ${tones[tone]}`}>
      <Heading className="text-3xl font-bold sm:text-4xl">{title}</Heading>
      {children ? <div className="mt-4 text-xl">{children}</div> : null}
    </div>
  );
}
