import type { ActionState } from "@/lib/actions/state";

/**
 * A server action as a form's `useActionState` takes it. Pages import the action and pass
 * it in, so components never import app/. Written as a method so that a form which
 * ignores the result (`FormAction` alone) accepts an action with any result type.
 */
export type FormAction<R = unknown> = {
  action(state: ActionState<R>, form: FormData): Promise<ActionState<R>>;
}["action"];
