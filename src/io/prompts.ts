import type { Io } from './io.js';

/**
 * Every question communique asks goes through here, and this is the only module that
 * loads @inquirer/prompts. Each prompt has a name, so tests answer by name with a fake
 * `Prompts` and fail on any question they did not expect.
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
export function canPrompt(io: Io): boolean {
  return Boolean(io.stdin?.isTTY && io.stderr.isTTY);
}

/** Ctrl-C (or Ctrl-D) at a prompt: inquirer's way of saying the person gave up. */
export function isCancellation(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** The real prompts, on the terminal the io gives, drawing on stderr. */
export function terminalPrompts(io: Io): Prompts {
  const context = () => ({
    input: io.stdin as NodeJS.ReadableStream,
    output: io.stderr as unknown as NodeJS.WritableStream,
    clearPromptOnDone: false,
  });
  const load = () => import('@inquirer/prompts');
  return {
    async input(_name, question) {
      const { input } = await load();
      const validate = question.validate;
      return input(
        {
          message: question.message,
          ...(question.default !== undefined ? { default: question.default } : {}),
          ...(validate ? { validate: (value: string) => validate(value) } : {}),
        },
        context(),
      );
    },
    async select(_name, question) {
      const { select } = await load();
      return select(
        {
          message: question.message,
          choices: question.choices.map((choice) => ({ name: choice.name, value: choice.value, ...(choice.description ? { description: choice.description } : {}) })),
          ...(question.default !== undefined ? { default: question.default } : {}),
        },
        context(),
      ) as Promise<never>;
    },
    async checkbox(_name, question) {
      const { checkbox } = await load();
      const validate = question.validate;
      return checkbox(
        {
          message: question.message,
          choices: question.choices.map((choice) => ({ name: choice.name, value: choice.value, checked: Boolean(choice.checked) })),
          ...(validate ? { validate: (chosen: readonly { value: unknown }[]) => validate(chosen.map((item) => item.value) as never) } : {}),
        },
        context(),
      ) as Promise<never>;
    },
    async confirm(_name, question) {
      const { confirm } = await load();
      return confirm({ message: question.message, ...(question.default !== undefined ? { default: question.default } : {}) }, context());
    },
  };
}
