/**
 * A project's own labels: `labels/<lang>.json` files in its template folder (for the
 * template being used), with the configuration's `labels` on top.
 */
import { join } from 'node:path';
import type { LabelOverrides } from '../render/labels/index.js';
import type { FileSystem } from './io.js';

export function loadLabelOverrides(
  fs: FileSystem,
  templateFolder: string | undefined,
  templateName: string,
  configured: LabelOverrides | undefined,
): LabelOverrides | undefined {
  const found: Record<string, Record<string, string>> = {};
  const folder = templateFolder ? join(templateFolder, templateName, 'labels') : undefined;
  if (folder && fs.existsSync(folder)) {
    for (const name of fs.readdirSync(folder).sort()) {
      const match = /^([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)\.json$/.exec(name);
      if (!match) continue;
      try {
        const messages = JSON.parse(fs.readFileSync(join(folder, name), 'utf8')) as unknown;
        if (messages && typeof messages === 'object' && !Array.isArray(messages))
          found[match[1]!] = Object.fromEntries(
            Object.entries(messages).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
          );
      } catch {
        // A label file that is not JSON is left out; the catalogue's labels stand.
      }
    }
  }
  for (const [lang, messages] of Object.entries(configured ?? {})) found[lang] = { ...found[lang], ...messages };
  return Object.keys(found).length > 0 ? found : undefined;
}
