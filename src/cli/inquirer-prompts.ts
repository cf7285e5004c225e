/**
 * The real prompts, drawn by @inquirer/prompts on the terminal — the only module that
 * loads it, and only when a question is asked.
 */
import type { InputStream, OutputStream } from '../io/io.js';
import type { Prompts } from '../io/prompts.js';

export function inquirerPrompts(io: { stdin?: InputStream; stderr: OutputStream }): Prompts {
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
          choices: question.choices.map((choice) => ({
            name: choice.name,
            value: choice.value,
            ...(choice.description ? { description: choice.description } : {}),
          })),
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
          choices: question.choices.map((choice) => ({
            name: choice.name,
            value: choice.value,
            checked: Boolean(choice.checked),
          })),
          ...(validate
            ? {
                validate: (chosen: readonly { value: unknown }[]) =>
                  validate(chosen.map((item) => item.value) as never),
              }
            : {}),
        },
        context(),
      ) as Promise<never>;
    },
    async confirm(_name, question) {
      const { confirm } = await load();
      return confirm(
        { message: question.message, ...(question.default !== undefined ? { default: question.default } : {}) },
        context(),
      );
    },
  };
}
