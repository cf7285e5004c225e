import { Document, isMap, isSeq, visit } from 'yaml';

/**
 * Writing communiqué data back out as text, for the commands that create communiqués
 * (`new`, `import`): ids made from names, and front matter in the form people write it.
 */

/** Lower-case letters, digits and single hyphens: an id or file name made from any text. */
export function slugify(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** YAML 1.2, so dates stay text; chairs, owners and `carried_from` on one line, as people write them. */
export function frontMatterYaml(data: Record<string, unknown>): string {
  const document = new Document(data, { version: '1.2' });
  visit(document, {
    Pair(_, pair) {
      const name = String((pair.key as { value?: unknown })?.value);
      if ((name === 'chair' || name === 'owner') && isSeq(pair.value)) pair.value.flow = true;
      if (name === 'carried_from' && isMap(pair.value)) pair.value.flow = true;
    },
  });
  return document.toString({ lineWidth: 0 });
}
