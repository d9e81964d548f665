/** An expected refusal with words for the person: on a form field, or for the whole form. */
export class UserError extends Error {
  constructor(
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}
