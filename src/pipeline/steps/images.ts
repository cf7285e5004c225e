/**
 * The images a communiqué's body names, checked where the files are: a local image must be
 * inside the project on its real path (a link that leads outside is refused), and a `file:`
 * URL or a broken `%` escape is refused at its position. `render` checks before it embeds
 * anything; `validate` runs the same check, so CI refuses the file before anyone renders it.
 */
import { dirname, relative, resolve } from 'node:path';
import type { Root } from 'mdast';
import { projectRootOf } from '../../config/discover.js';
import type { ParsedCommunique } from '../../core/parse/communique.js';
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import { makeDiagnostic } from '../../diagnostics/make.js';
import { localImagePath } from '../../io/images.js';
import type { FileSystem } from '../../io/io.js';
import type { Step } from '../file-pipeline.js';

export interface CheckedImages {
  problems: Diagnostic[];
  /** Each usable local image's address, and the file it names. */
  allowed: Map<string, string>;
}

/** Check every image in `tree` (references resolved), the body of the communiqué at `filePath`. */
export async function checkImages(
  fs: FileSystem,
  tree: Root,
  parsed: ParsedCommunique,
  filePath: string,
  projectRoot: string,
): Promise<CheckedImages> {
  const { images, imagePath, isRemote } = await import('../../render/images.js');
  const folder = dirname(resolve(filePath));
  // A file from outside the project being run in belongs to the project around it.
  const root = relative(projectRoot, folder).startsWith('..') ? projectRootOf(fs, folder) : projectRoot;
  const problems: Diagnostic[] = [];
  const allowed = new Map<string, string>();
  for (const image of images(tree)) {
    if (isRemote(image.url) || allowed.has(image.url)) continue;
    const start = (image.position?.start.offset ?? 0) + parsed.bodyOffset;
    const end = (image.position?.end.offset ?? 0) + parsed.bodyOffset;
    const span = parsed.source!.span(start, end);
    const path = imagePath(image.url);
    if (!path.ok) {
      const why =
        path.reason === 'file-url'
          ? 'is a `file:` URL, which could name any file on the computer'
          : 'has a `%` escape that is not one';
      problems.push(makeDiagnostic('render/image-address', `The image address \`${image.url}\` ${why}`, span));
      continue;
    }
    const local = localImagePath(fs, path.path, folder, root);
    if (local) allowed.set(image.url, local);
    else
      problems.push(
        makeDiagnostic('render/image-outside-project', `The image \`${image.url}\` is outside the project`, span),
      );
  }
  return { problems, allowed };
}

/**
 * Validate's image check. Only a body that names an image (`![`, inline or by reference)
 * loads the Markdown reader: most communiqués have none, and `validate` stays fast. The
 * answer depends on files other than the communiqué, so it is never cached.
 */
export function imagesStep(fs: FileSystem, projectRoot: string): Step {
  return async (state) => {
    const parsed = state.parsed;
    if (!parsed?.body?.includes('![') || !parsed.source) return;
    const [{ parseBody }, { withReferencesResolved }] = await Promise.all([
      import('../../render/body.js'),
      import('../../render/images.js'),
    ]);
    const tree = withReferencesResolved(parseBody(parsed.body));
    const { problems, allowed } = await checkImages(fs, tree, parsed, state.file.path, projectRoot);
    state.messages.push(...problems);
    if (problems.length > 0 || allowed.size > 0) state.readsOtherFiles = true;
  };
}
