import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateModelTypes } from '../scripts/model.mjs';
import { createAjv, generateValidatorModule, loadSchemas } from '../scripts/schemas.mjs';
import { ruleDocsAnchor, rules } from '../src/diagnostics/rules.js';

const repo = resolve(import.meta.dirname, '..');
const schemas = loadSchemas(repo) as Record<string, unknown>[];

/** Every subschema that declares properties, with its path, for the description check. */
function* propertiesOf(schema: unknown, path: string): Generator<[string, Record<string, unknown>]> {
  if (!schema || typeof schema !== 'object') return;
  const node = schema as Record<string, unknown>;
  for (const [name, property] of Object.entries((node.properties ?? {}) as Record<string, Record<string, unknown>>)) {
    yield [`${path}.${name}`, property];
    yield* propertiesOf(property, `${path}.${name}`);
  }
  // An `if` only tests values; its `properties` declare nothing.
  for (const key of ['items', 'then', 'else', 'not']) yield* propertiesOf(node[key], `${path}/${key}`);
  for (const key of ['allOf', 'anyOf', 'oneOf'])
    for (const [index, sub] of ((node[key] ?? []) as unknown[]).entries())
      yield* propertiesOf(sub, `${path}/${key}/${index}`);
}

describe('the published schemas', () => {
  it('are one file per concept', () => {
    expect(readdirSync(join(repo, 'schemas')).sort()).toEqual([
      'action.schema.json',
      'agreement.schema.json',
      'attendee.schema.json',
      'communique.schema.json',
      'config.schema.json',
      'meeting.schema.json',
    ]);
  });

  for (const schema of schemas) {
    describe(String(schema.$id), () => {
      it('declare JSON Schema 2020-12, an $id, a title, a description and examples', () => {
        expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
        expect(schema.$id).toMatch(/^https:\/\/communique\.dev\/schemas\/v1\/[a-z]+\.schema\.json$/);
        expect(typeof schema.title).toBe('string');
        expect(typeof schema.description).toBe('string');
        expect(Array.isArray(schema.examples) && schema.examples.length > 0).toBe(true);
      });

      it('describe every property', () => {
        const undescribed = [...propertiesOf(schema, '')]
          .filter(([, property]) => typeof property.description !== 'string')
          .map(([path]) => path);
        expect(undescribed).toEqual([]);
      });

      it('accept their own examples', () => {
        const ajv = createAjv(schemas);
        const validate = ajv.getSchema(String(schema.$id))!;
        for (const example of schema.examples as unknown[]) {
          validate(example);
          expect(validate.errors ?? []).toEqual([]);
        }
      });
    });
  }

  it('are what the model types were generated from', async () => {
    // Fails when a schema changes and the types were not regenerated (`npm run generate`).
    expect(readFileSync(join(repo, 'src/generated/model.ts'), 'utf8')).toBe(await generateModelTypes(repo));
  });

  it('are what the built validators were generated from', () => {
    // Fails when a schema changes and the validators were not rebuilt (`npm run build`).
    expect(readFileSync(join(repo, 'src/generated/validators.js'), 'utf8')).toBe(generateValidatorModule(repo));
  });
});

describe('the README', () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');

  it('opens with the install-and-run command and the test command', () => {
    const firstBlock = readme.split('```')[1]!;
    expect(firstBlock).toBe('sh\nnpm install && npx communique validate examples\nnpm test\n');
  });

  it('documents every rule, under the anchor diagnostics link to, with its default severity', () => {
    const documented = [...readme.matchAll(/^\| <a id="([^"]+)"><\/a>`([^`]+)` \| (\w+) \|/gm)].map(
      ([, anchor, id, severity]) => ({ anchor, id, severity }),
    );
    expect(documented.map((row) => row.id)).toEqual(rules.map((rule) => rule.id));
    for (const row of documented) {
      const rule = rules.find((candidate) => candidate.id === row.id)!;
      expect(row.anchor).toBe(ruleDocsAnchor(rule.id));
      expect(row.severity).toBe(rule.stageDependent ? 'stage' : rule.severity);
    }
  });
});
