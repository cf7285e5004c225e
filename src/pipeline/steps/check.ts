/**
 * What a command does with a file's problems. `validate` reports them all; `render` stops
 * only on problems that leave nothing to render (the file is not a readable communiqué)
 * and reports just those; `export` stops on any error; `actions` and `new` need readable
 * front matter and otherwise leave the checking to `validate`.
 */
import { type CheckOptions, checkCommunique } from '../../core/check/check.js';
import { communiqueFacts } from '../../core/check/facts.js';
import type { Stage } from '../../core/model.js';
import { isStage, stageRank } from '../../core/vocabulary.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { Step } from '../file-pipeline.js';

export type CheckPolicy =
  | { report: 'all' }
  | {
      report: 'blocking';
      blockOn: 'unreadable' | 'any-error';
      /** Leave out (without a problem) a document whose own status is below this stage: export beside drafts. */
      readyFrom?: Stage;
    };

/** Errors that mean a file is not a communiqué anyone can read. */
const UNREADABLE = /^(document|frontmatter|yaml|schema)\//;

export function isUnreadable(diagnostic: Diagnostic): boolean {
  return diagnostic.severity === 'error' && UNREADABLE.test(diagnostic.ruleId);
}

/** Check: schema and rules, with the configured stage and severities; with `facts`, what the checks across files need. */
export function checkStep(options: CheckOptions, policy: CheckPolicy, facts = false): Step {
  // Blocking only on what makes a document unreadable, the rules' findings would be thrown away.
  const asked =
    policy.report === 'blocking' && policy.blockOn === 'unreadable' ? { ...options, schemaOnly: true } : options;
  return (state) => {
    const parsed = state.parsed!;
    const checked = checkCommunique(parsed, asked);
    if (policy.report === 'all') {
      for (const diagnostic of checked.diagnostics) state.messages.push(diagnostic);
      if (!parsed.data) state.fatal = true;
    } else {
      const status = parsed.data?.status;
      if (policy.readyFrom && isStage(status) && stageRank(status) < stageRank(policy.readyFrom)) {
        state.skipped = status;
        state.fatal = true;
        return;
      }
      const blocks = policy.blockOn === 'any-error' ? (d: Diagnostic) => d.severity === 'error' : isUnreadable;
      const blocking = checked.diagnostics.filter(blocks);
      for (const diagnostic of blocking) state.messages.push(diagnostic);
      if (blocking.length > 0 || !parsed.data || parsed.body === undefined) state.fatal = true;
    }
    if (checked.communique && !state.fatal) {
      state.communique = checked.communique;
      if (facts) state.facts = communiqueFacts(checked.communique, stemOf(state.file.name));
    }
  };
}

function stemOf(name: string): string {
  return (name.split('/').at(-1) ?? name).replace(/\.(md|markdown)$/i, '');
}
