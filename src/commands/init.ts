/**
 * `communique init`: set a committee's repository up in one step — a configuration file
 * with its `$schema`, a `communiques/` folder kept in git, the package.json scripts and
 * dev dependency, a .gitignore, and a CI workflow that passes on a fresh repository. It
 * never overwrites: what exists is left as it is (a package.json or .gitignore only gains
 * what it lacks), and a second run says so.
 */
import { join } from 'node:path';
import packageJson from '../../package.json' with { type: 'json' };
import { CONFIG_FILE_NAMES } from '../config/discover.js';
import { EXIT } from '../io/exit.js';
import type { Io } from '../io/io.js';
import { writeAtomically, writeNewFile } from '../io/write.js';
import { usageError } from './report.js';

export interface InitOptions {
  /** Also upload SARIF to GitHub code scanning (needs code scanning on the repository). */
  codeScanning?: boolean;
}

const SCHEMAS = './node_modules/communique/schemas';

const CONFIG = {
  $schema: `${SCHEMAS}/config.schema.json`,
  files: ['communiques'],
  organisations: [],
  export: { formats: ['html', 'md', 'txt', 'docx'], out: 'public' },
};

const SCRIPTS = {
  validate: 'communique validate',
  export: 'communique export',
};

const IGNORED = ['node_modules/', 'rendered/'];

/** What `init` writes, for the next step's `git add`. */
const ADDED = ['communiques', 'communique.config.json', 'package.json', '.gitignore', '.github'];

/**
 * The workflow: every push to the main branch and every pull request (a pull request's
 * pushes run once, as the pull request), annotations on the pull request, and SARIF for
 * code scanning only when asked for — uploading fails on private repositories without
 * code scanning, and from forks.
 */
export function workflow(options: { codeScanning: boolean; lockFile: boolean }): string {
  const report = options.codeScanning ? ' --format sarif=communique.sarif' : '';
  const lines = [
    '# Checks every communiqué on pushes to main and on pull requests. Problems appear as',
    "# annotations on the pull request's changed lines.",
    'name: communique',
    'on:',
    '  push:',
    '    branches: [main]',
    '  pull_request:',
    'concurrency:',
    // A GitHub expression, not a template literal.
    // biome-ignore lint/suspicious/noTemplateCurlyInString: GitHub Actions syntax
    '  group: communique-${{ github.ref }}',
    '  cancel-in-progress: true',
    'permissions:',
    '  contents: read',
    ...(options.codeScanning ? ['  security-events: write'] : []),
    'jobs:',
    '  validate:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@v5',
    '      - uses: actions/setup-node@v6',
    '        with:',
    '          node-version: lts/*',
    // Caching needs a lock file: without one, setup-node fails.
    ...(options.lockFile ? ['          cache: npm'] : ['          package-manager-cache: false']),
    `      - run: ${options.lockFile ? 'npm ci' : 'npm install --no-audit --no-fund'}`,
    `      - run: npx communique validate --format github${report}`,
  ];
  if (options.codeScanning) {
    lines.push(
      '      - uses: github/codeql-action/upload-sarif@v4',
      '        if: always()',
      '        with:',
      '          sarif_file: communique.sarif',
    );
  }
  return `${lines.join('\n')}\n`;
}

type Outcome = 'created' | 'updated' | 'exists';

export async function initCommand(options: InitOptions, io: Io): Promise<number> {
  const at = (path: string) => join(io.cwd, path);
  const say = (outcome: Outcome, path: string, what: string) =>
    io.stdout.write(
      outcome === 'exists' ? `exists   ${path} (left as it is)\n` : `${outcome.padEnd(8)} ${path} — ${what}\n`,
    );
  const encode = (text: string) => new TextEncoder().encode(text);
  const create = (path: string, text: string, what: string) =>
    say(writeNewFile(io.fs, at(path), encode(text)) ? 'created' : 'exists', path, what);

  const packageText = io.fs.existsSync(at('package.json')) ? io.fs.readFileSync(at('package.json'), 'utf8') : undefined;
  let manifest: Record<string, unknown> | undefined;
  if (packageText !== undefined) {
    try {
      manifest = JSON.parse(packageText) as Record<string, unknown>;
    } catch {
      return usageError(io, 'package.json is not valid JSON; correct it, then run `communique init` again');
    }
  }

  const existingConfig = CONFIG_FILE_NAMES.find((name) => io.fs.existsSync(at(name)));
  if (existingConfig) say('exists', existingConfig, 'configuration');
  else create('communique.config.json', `${JSON.stringify(CONFIG, null, 2)}\n`, 'configuration');

  // A README would be read as a communiqué: an empty .gitkeep keeps the folder in git.
  io.fs.mkdirSync(at('communiques'), { recursive: true });
  create('communiques/.gitkeep', '', 'keeps the communiqués folder in git');

  const packaged = packageEntries(manifest);
  if (!manifest)
    create('package.json', `${JSON.stringify(packaged.manifest, null, 2)}\n`, 'dev dependency and scripts');
  else if (packaged.added.length === 0) say('exists', 'package.json', '');
  else {
    writeAtomically(io.fs, at('package.json'), encode(`${JSON.stringify(packaged.manifest, null, 2)}\n`));
    say('updated', 'package.json', `added ${packaged.added.join(', ')}`);
  }

  const ignore = io.fs.existsSync(at('.gitignore')) ? io.fs.readFileSync(at('.gitignore'), 'utf8') : undefined;
  const missing = IGNORED.filter(
    (line) =>
      !(ignore ?? '').split(/\r?\n/).some((kept) => kept.trim() === line || kept.trim() === line.replace(/\/$/, '')),
  );
  if (ignore === undefined) create('.gitignore', `${IGNORED.join('\n')}\n`, 'ignores node_modules and renders');
  else if (missing.length === 0) say('exists', '.gitignore', '');
  else {
    const separator = ignore === '' || ignore.endsWith('\n') ? '' : '\n';
    writeAtomically(io.fs, at('.gitignore'), encode(`${ignore}${separator}${missing.join('\n')}\n`));
    say('updated', '.gitignore', `added ${missing.join(', ')}`);
  }

  const lockFile = io.fs.existsSync(at('package-lock.json'));
  const workflowPath = '.github/workflows/communique.yml';
  io.fs.mkdirSync(at('.github/workflows'), { recursive: true });
  const what = options.codeScanning
    ? 'CI workflow: annotations and SARIF for code scanning'
    : 'CI workflow: annotations';
  create(workflowPath, workflow({ codeScanning: Boolean(options.codeScanning), lockFile }), what);

  io.stdout.write(
    [
      '',
      'Next steps:',
      '  npm install                 # installs communique',
      '  npx communique new          # drafts the first communiqué',
      '  npm run validate            # checks every communiqué, as CI will',
      `  git add ${[...ADDED, ...(lockFile ? ['package-lock.json'] : [])].join(' ')}`,
      '',
    ].join('\n'),
  );
  return EXIT.ok;
}

/** The package.json with communique's dev dependency and scripts added where missing; nothing else changes. */
function packageEntries(existing: Record<string, unknown> | undefined): {
  manifest: Record<string, unknown>;
  added: string[];
} {
  const added: string[] = [];
  const manifest: Record<string, unknown> = existing ? { ...existing } : { name: 'communiques', private: true };
  const section = (name: string) => {
    const value = manifest[name];
    return value && typeof value === 'object' && !Array.isArray(value) ? { ...(value as Record<string, unknown>) } : {};
  };
  const scripts = section('scripts');
  for (const [name, command] of Object.entries(SCRIPTS)) {
    if (scripts[name] === undefined) {
      scripts[name] = command;
      added.push(`scripts.${name}`);
    }
  }
  const dependencies = section('dependencies');
  const devDependencies = section('devDependencies');
  if (dependencies.communique === undefined && devDependencies.communique === undefined) {
    devDependencies.communique = `^${packageJson.version}`;
    added.push('devDependencies.communique');
  }
  manifest.scripts = scripts;
  if (Object.keys(devDependencies).length > 0) manifest.devDependencies = devDependencies;
  return { manifest, added };
}
