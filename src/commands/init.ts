/**
 * `communique init`: set a repository up in one step — a configuration file with its
 * `$schema`, a `communiques/` folder, the editor setting that validates front matter as
 * you type, and a CI workflow with annotations and SARIF upload. It never overwrites:
 * run again, it says what is already there.
 */
import { join, relative } from 'node:path';
import { CONFIG_FILE_NAMES } from '../config/discover.js';
import { EXIT } from '../io/exit.js';
import type { Io } from '../io/io.js';
import { writeNewFile } from '../io/write.js';

const SCHEMAS = './node_modules/communique/schemas';

const CONFIG = {
  $schema: `${SCHEMAS}/config.schema.json`,
  files: ['communiques'],
  organisations: [],
  export: { formats: ['html', 'md', 'txt', 'docx'], out: 'public' },
};

/** The YAML language server validates YAML files by glob; front matter files are mapped here too. */
const EDITOR_SETTINGS = {
  'yaml.schemas': { [`${SCHEMAS}/communique.schema.json`]: ['communiques/**/*.md'] },
  'json.schemas': [{ fileMatch: ['communique.config.json'], url: `${SCHEMAS}/config.schema.json` }],
};

const WORKFLOW = `# Checks every communiqué on each push and pull request: problems appear as annotations
# on the pull request and in the repository's code scanning alerts.
name: communique
on:
  push:
  pull_request:
permissions:
  contents: read
  security-events: write
jobs:
  validate:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
          cache: npm
      - run: npm ci
      - run: npx communique validate --format github --format sarif=communique.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: communique.sarif
`;

export async function initCommand(io: Io): Promise<number> {
  const planned: { path: string; content?: string; what: string }[] = [
    { path: 'communique.config.json', content: `${JSON.stringify(CONFIG, null, 2)}\n`, what: 'configuration' },
    { path: 'communiques', what: 'folder for communiqués' },
    {
      path: '.vscode/settings.json',
      content: `${JSON.stringify(EDITOR_SETTINGS, null, 2)}\n`,
      what: 'editor setting: validate front matter against the schemas',
    },
    { path: '.github/workflows/communique.yml', content: WORKFLOW, what: 'CI workflow: annotations and SARIF upload' },
  ];
  const existingConfig = CONFIG_FILE_NAMES.find((name) => io.fs.existsSync(join(io.cwd, name)));
  for (const item of planned) {
    const path = join(io.cwd, item.path);
    const already =
      item.path === 'communique.config.json' && existingConfig
        ? join(io.cwd, existingConfig)
        : io.fs.existsSync(path)
          ? path
          : undefined;
    if (already) {
      io.stdout.write(`exists   ${relative(io.cwd, already)} (left as it is)\n`);
      continue;
    }
    if (item.content === undefined) io.fs.mkdirSync(path, { recursive: true });
    else if (!writeNewFile(io.fs, path, new TextEncoder().encode(item.content))) {
      io.stdout.write(`exists   ${item.path} (left as it is)\n`);
      continue;
    }
    io.stdout.write(`created  ${item.path} — ${item.what}\n`);
  }
  return EXIT.ok;
}
