import type { FileResult } from '../../diagnostics/diagnostic.js';
import { runProblem } from '../../diagnostics/make.js';

/** Ends `communique new` with its problems reported and exit code 2: thrown from any question, caught once. */
export class Refusal extends Error {
  constructor(readonly problems: FileResult[]) {
    super('refused');
  }
}

type RefusalRule = 'usage/invalid-option' | 'usage/missing-answer' | 'usage/unknown-group' | 'write/refused';

export const refuse = (
  messages: readonly string[],
  ruleId: RefusalRule = 'usage/invalid-option',
  hint?: string,
): never => {
  throw new Refusal(messages.map((message) => runProblem(ruleId, message, hint)));
};
