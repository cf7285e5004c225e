/**
 * Exit codes, the contract with scripts and CI: 0 no errors, 1 errors found (or too many
 * warnings), 2 usage, configuration or internal error, 130 interrupted at a prompt (Ctrl-C).
 */
export const EXIT = { ok: 0, problems: 1, usage: 2, interrupted: 130 } as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
