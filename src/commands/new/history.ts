import { basename, extname, join, relative } from 'node:path';
import { resolveInputs, type Settings } from '../../config/settings.js';
import type { KnownCommunique } from '../../draft/carry.js';
import type { Io } from '../../io/io.js';
import { runFiles } from '../../pipeline/run-files.js';

/**
 * The communiqués already in the project — the configured files, or `communiques/` — read
 * through the same pipeline as `validate`, for the group's history.
 */
export async function knownCommuniques(io: Io, settings: Settings): Promise<KnownCommunique[]> {
  const configured = settings.config.files && settings.config.files.length > 0;
  const fallback = join(settings.projectRoot, 'communiques');
  if (!configured && !io.fs.existsSync(fallback)) return [];
  const files = await resolveInputs(io, settings, configured ? [] : [relative(io.cwd, fallback) || '.']);
  if (!files.ok) return [];
  const plan = {
    maxBytes: settings.check.maxBytes!,
    check: settings.check,
    policy: { report: 'blocking', blockOn: 'unreadable' },
    keepData: true,
  } as const;
  const results = await runFiles(files.value, plan, { fs: io.fs });
  return results.flatMap((result, index) => {
    const path = files.value[index]!.path;
    return result.communique ? [{ stem: basename(path, extname(path)), data: result.communique }] : [];
  });
}
