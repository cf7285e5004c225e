import { NOT_XML } from '../core/text.js';
import type { Diagnostic } from '../diagnostics/diagnostic.js';
import type { Formatter } from './types.js';

const entities: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  // Parsers normalise raw line breaks and tabs in attributes to spaces, and a raw CR
  // anywhere to LF; references survive both.
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
};

function escapeAttribute(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\t\n\r]/g, (c) => entities[c]!);
}

function escapeText(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"'\r]/g, (c) => entities[c]!);
}

function describeMessage(m: Diagnostic): string {
  const line = `${m.line}:${m.column} ${m.severity} ${m.message} [${m.ruleId}]`;
  return m.hint ? `${line}\n  ${m.hint}` : line;
}

/**
 * JUnit XML for CI dashboards: one test case per file, failing when the file has errors.
 * Warnings and infos do not fail a file, but are kept in its output so they are not lost.
 */
export const formatJunit: Formatter = (results, context) => {
  const failures = results.filter((result) => result.messages.some((m) => m.severity === 'error')).length;
  const counts = `tests="${results.length}" failures="${failures}" errors="0"`;
  const out = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeAttribute(context.toolName)}" ${counts}>`,
    `  <testsuite name="${escapeAttribute(`${context.toolName} validate`)}" ${counts} skipped="0">`,
  ];
  const classname = escapeAttribute(`${context.toolName}.validate`);
  for (const result of results) {
    const open = `    <testcase classname="${classname}" name="${escapeAttribute(result.file)}"`;
    const firstError = result.messages.find((m) => m.severity === 'error');
    const body = escapeText(result.messages.map(describeMessage).join('\n'));
    if (firstError) {
      const count = result.messages.length;
      const summary = `${count} ${count === 1 ? 'problem' : 'problems'}`;
      out.push(
        `${open}>`,
        `      <failure message="${summary}" type="${escapeAttribute(firstError.ruleId)}">${body}</failure>`,
        '    </testcase>',
      );
    } else if (result.messages.length > 0) {
      out.push(`${open}>`, `      <system-out>${body}</system-out>`, '    </testcase>');
    } else {
      out.push(`${open}/>`);
    }
  }
  out.push('  </testsuite>', '</testsuites>');
  return out.join('\n') + '\n';
};
