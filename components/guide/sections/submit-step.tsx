import { stepByAnchor } from "@/lib/guide/steps";
import { SUBMISSION_FIELDS } from "@/lib/guide/submission-fields";
import type { GuideContext } from "../guide-context";
import { linkClass, StepFigure, StepSection, Ui } from "../guide-ui";
import { SubmitDrawing } from "../illustrations/other-screens";

export function SubmitStep({ ctx }: { ctx: GuideContext }) {
  const step = stepByAnchor("submit");
  const { appName, secretDescription } = ctx.literals;
  return (
    <StepSection step={step}>
      <p>
        Open the invite link {ctx.vendorName} sent you (from the onboarding team or your customer success manager) and enter, in
        this order:
      </p>
      <ol className="list-decimal space-y-1 pl-6">
        {SUBMISSION_FIELDS.map((field) => {
          const from = stepByAnchor(field.fromStep);
          return (
            <li key={field.key}>
              {field.label}, from{" "}
              <a href={`#${from.anchor}`} className={linkClass}>
                step {from.number}
              </a>
            </li>
          );
        })}
      </ol>
      <p>
        Select <Ui>Continue</Ui>, look over your answers, then select <Ui>Send and check my details</Ui>. The portal checks
        everything with Microsoft within seconds. If something is wrong, the result names the step
        to redo. Fix it in the same app and submit again: there is no need to start over.
      </p>
      <p>
        The form is the only place to enter the secret: never send it by email. No invite link? Write to{" "}
        <a href={`mailto:${ctx.supportEmail}`} className={linkClass}>
          {ctx.supportEmail}
        </a>
        .
      </p>
      <StepFigure
        step={step}
        label="Drawing of the submission form and its check results"
        description="The form has five boxes in this order: Tenant ID, Client ID, Client secret value, Date the secret expires and Test mailbox, marked as the values from steps 2, 5, 6 and 7, and a Continue button (1). Beside it, Check your answers has a Send and check my details button (2). Below, the results appear within seconds under You need to do 1 thing, which names Step 7: Choose a test mailbox; two checks pass and one fails."
        drawing={(ids) => <SubmitDrawing {...ids} appName={appName} secretDescription={secretDescription} productName={ctx.productName} />}
      />
    </StepSection>
  );
}
