import type { Severity } from '../diagnostics/diagnostic.js';
import type { Formatter } from './types.js';

const commands: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

// The runner splits a command at the first `::` and the properties at `,`, and treats a
// raw line break as the end of the command, so those must never appear unescaped. The log
// is read on a terminal too: a control character quoted from a file (ESC, BEL) would act
// there, so it becomes a visible replacement character.
function escapeData(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, '\uFFFD')
    .replace(/%/g, '%25')
    .replace(/\r/g, '%0D')
    .replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands, so problems show up as annotations on the pull request. */
export const formatGithub: Formatter = (results) => {
  let out = '';
  for (const result of results) {
    for (const m of result.messages) {
      const properties = [
        `file=${escapeProperty(result.file)}`,
        `line=${m.line}`,
        `col=${m.column}`,
        `endLine=${m.endLine}`,
        `endColumn=${m.endColumn}`,
        `title=${escapeProperty(m.ruleId)}`,
      ].join(',');
      // An escaped line break makes the annotation show the hint on a line of its own.
      const data = escapeData(m.message) + (m.hint ? '%0A' + escapeData(m.hint) : '');
      out += `::${commands[m.severity]} ${properties}::${data}\n`;
    }
  }
  return out;
};
