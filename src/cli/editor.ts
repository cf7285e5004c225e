import type { Editor } from '../io/io.js';

/**
 * `new --open`: the draft in the person's editor, through launch-editor, which reads
 * `$VISUAL`/`$EDITOR` with their arguments (`code --wait`) without a shell, and knows how
 * each editor takes a file. Node waits for a terminal editor to close before exiting.
 */
export function launchEditor(editorCommand: string | undefined): Editor {
  return (path, onFailure) => {
    void import('launch-editor').then(({ default: launch }) => {
      launch(path, editorCommand, (_file: string, reason: string | null) =>
        onFailure(reason ?? 'no editor could be found'),
      );
    });
  };
}
