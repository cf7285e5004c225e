import { Document, isMap, isSeq, visit } from 'yaml';

/**
 * Writing communiqué data back out as text, for the commands that create communiqués
 * (`new`, `import`): ids made from names, and front matter in the form people write it.
 */

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
