import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommunique, replacementAt, spanOfPath, writtenIn } from '../src/core/parse/communique.js';
import { locateYamlPath, readWithPositions } from '../src/core/parse/yaml.js';
import { readPlainFrontMatter } from '../src/core/parse/yaml-fast.js';
import { rootKeyRanges } from '../src/core/parse/yaml-root-keys.js';

/**
 * rootKeyRanges places top-level keys without the positioned document. Where it answers,
 * each range must be the one `yaml` gives the key; where it cannot be sure, it must not answer.
 */
function keysByYaml(text: string): Map<string, [number, number]> {
  const { document, data } = readWithPositions(text);
  const ranges = new Map<string, [number, number]>();
  for (const key of Object.keys(data as object)) ranges.set(key, locateYamlPath(document, [key]).key!);
  return ranges;
}

describe('rootKeyRanges', () => {
  it('places every top-level key where yaml does', () => {
    const text =
      'schema_version: 1\n# a comment\nid: x-2021-01-01\nmeeting:\n  group:\n    name: A\nlist:\n  - a\n\nk9  : 9\n';
    const data = readPlainFrontMatter(text)!;
    expect(rootKeyRanges(text, data)).toEqual(keysByYaml(text));
    expect(rootKeyRanges(text, data)?.get('k9')).toEqual([text.indexOf('k9'), text.indexOf('k9') + 2]);
  });

  it.each([
    ['a quoted key', '"title": A\nid: x\n'],
    ['a list at the margin', 'items:\n- a\n- b\nid: x\n'],
    ['a flow mapping', '{ title: A }\n'],
    ['a key the data spells otherwise', '0x1F: a\nid: x\n'],
    ['a key with a CR before its line end', 'title:\r\n  A\r\n'],
  ])('does not answer for %s', (_, text) => {
    const data = (readPlainFrontMatter(text) ?? readWithPositions(text).data) as Record<string, unknown>;
    expect(rootKeyRanges(text, data)).toBeUndefined();
  });

  it('gives yaml’s ranges or none over generated front matter', () => {
    const key = fc.constantFrom('title', 'id', 'k1', 'status', 'meeting', '1', 'true', 'a.b', 'a-b', '_x', 'é');
    const value = fc.constantFrom(' A', ' "quoted: x"', " 'single'", ' 12', '', ' # note', ' [a, b]', '\n  nested: 1');
    const line = fc.oneof(
      fc.tuple(key, fc.constantFrom('', ' ', '  '), value).map(([k, space, v]) => `${k}${space}:${v}`),
      fc.constantFrom('# comment', '', '  - item', '- item', '"quoted": 1', 'x: "a\nid: b"', '  indented: 1'),
    );
    const text = fc.array(line, { minLength: 1, maxLength: 8 }).map((lines) => `${lines.join('\n')}\n`);
    let answered = 0;
    fc.assert(
      fc.property(text, (yamlText) => {
        const data = readPlainFrontMatter(yamlText);
        if (!data) return;
        const ranges = rootKeyRanges(yamlText, data);
        if (!ranges) return;
        answered++;
        expect(ranges).toEqual(keysByYaml(yamlText));
      }),
      { seed: 20261129, numRuns: 2000 },
    );
    expect(answered).toBeGreaterThan(100);
  });
});

describe('placing a top-level key', () => {
  it('gives the span, the text and the fix the positioned document gives', () => {
    const text = '---\nschema_version: 1\ntitel: Roundtable Communiqué\nstatus: draft\n---\n\nBody.\n';
    const quick = parseCommunique(text);
    expect(quick.rootKeys?.()).toBeDefined();
    const positioned = { ...quick, rootKeys: undefined, yaml: quick.yaml } as never;
    expect(spanOfPath(quick, ['titel'], 'key')).toEqual(spanOfPath(positioned, ['titel'], 'key'));
    expect(spanOfPath(quick, ['titel'], 'key')).toEqual({ line: 3, column: 1, endLine: 3, endColumn: 6 });
    expect(writtenIn(quick, ['titel'], 'key')).toBe('titel');
    expect(writtenIn(quick, ['titel'], 'key')).toEqual(writtenIn(positioned, ['titel'], 'key'));
    expect(replacementAt(quick, ['titel'], 'key', 'title')).toEqual(
      replacementAt(positioned, ['titel'], 'key', 'title'),
    );
  });
});
