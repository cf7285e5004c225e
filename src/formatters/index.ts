import type { Formatter } from './types.js';

export type { FormatContext, Formatter } from './types.js';

export const formatterNames = ['stylish', 'json', 'github', 'sarif', 'junit'] as const;
export type FormatterName = (typeof formatterNames)[number];

// Each formatter is imported only when asked for, so a plain run does not pay for
// loading the SARIF or JUnit code (or chalk, for the machine formats).
const loaders: Record<FormatterName, () => Promise<Formatter>> = {
  stylish: async () => (await import('./stylish.js')).formatStylish,
  json: async () => (await import('./json.js')).formatJson,
  github: async () => (await import('./github.js')).formatGithub,
  sarif: async () => (await import('./sarif.js')).formatSarif,
  junit: async () => (await import('./junit.js')).formatJunit,
};

export function isFormatterName(name: string): name is FormatterName {
  return (formatterNames as readonly string[]).includes(name);
}

/** Takes any string because the name usually comes straight from `--format`. */
export async function loadFormatter(name: string): Promise<Formatter> {
  if (!isFormatterName(name)) {
    throw new Error(`Unknown format "${name}". Use one of: ${formatterNames.join(', ')}.`);
  }
  return loaders[name]();
}
