/**
 * Every question communique asks goes through a `Prompts`. Each prompt has a name, so
 * tests answer by name with a fake and fail on any question they did not expect; the real
 * one (cli/inquirer-prompts.ts) is the only module that loads @inquirer/prompts.
 *
 * Prompts draw on stderr, never stdout: stdout carries only the result (the path
 * written, or the draft itself), so `communique new` can feed a script even when it asks
 * questions.
 */
export interface Choice<Value> {
  name: string;
  value: Value;
  description?: string;
  checked?: boolean;
}

/** Returns what is wrong with an answer, in words for the person answering, or true. */
export type Validate<Answer> = (answer: Answer) => true | string;

export interface InputQuestion {
  message: string;
  default?: string;
  validate?: Validate<string>;
}

export interface SelectQuestion<Value> {
  message: string;
  choices: readonly Choice<Value>[];
  default?: Value;
}

export interface CheckboxQuestion<Value> {
  message: string;
  choices: readonly Choice<Value>[];
  validate?: Validate<readonly Value[]>;
}

export interface ConfirmQuestion {
  message: string;
  default?: boolean;
}

export interface Prompts {
  input(name: string, question: InputQuestion): Promise<string>;
  select<Value>(name: string, question: SelectQuestion<Value>): Promise<Value>;
  checkbox<Value>(name: string, question: CheckboxQuestion<Value>): Promise<Value[]>;
  confirm(name: string, question: ConfirmQuestion): Promise<boolean>;
}

/** Whether prompting is possible at all: a person at a terminal on both ends. */
export function canPrompt(io: { stdin?: { isTTY?: boolean }; stderr: { isTTY?: boolean } }): boolean {
  return Boolean(io.stdin?.isTTY && io.stderr.isTTY);
}

/** Ctrl-C (or Ctrl-D) at a prompt: inquirer's way of saying the person gave up. */
export function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}
