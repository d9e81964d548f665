import { GUIDE_STEPS, SETUP_SCRIPT_ANCHOR } from "@/lib/guide/steps";
import { linkClass } from "./guide-ui";
import { ProgressIndicator } from "./progress-indicator";

/** The guide's contents with the reader's progress; sticky beside the steps on wide screens. */
export function GuideContents() {
  const steps = GUIDE_STEPS.map(({ anchor, number, title }) => ({ anchor, number, title }));
  return (
    <nav aria-labelledby="guide-contents-heading" className="mb-10 rounded border border-gray-300 bg-gray-50 p-4 lg:sticky lg:top-4 lg:mb-0 lg:max-h-[calc(100vh-2rem)] lg:self-start lg:overflow-y-auto print:hidden">
      <h2 id="guide-contents-heading" className="text-lg font-bold">
        Contents and progress
      </h2>
      <ul className="mt-3 space-y-1.5 text-[0.95rem]">
        <li>
          <a href="#before-you-start" className={linkClass}>
            Before you start
          </a>
        </li>
        <li>
          <a href={`#${SETUP_SCRIPT_ANCHOR}`} className={linkClass}>
            Do it with a script
          </a>
        </li>
      </ul>
      <div className="mt-4 border-t border-gray-300 pt-4">
        <ProgressIndicator steps={steps} />
      </div>
      <p className="mt-4 border-t border-gray-300 pt-4 text-[0.95rem]">
        <a href="#troubleshooting" className={linkClass}>
          Troubleshooting
        </a>
      </p>
    </nav>
  );
}
