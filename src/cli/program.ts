import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import packageJson from '../../package.json' with { type: 'json' };
import { STAGES } from '../core/vocabulary.js';
import { EXIT } from '../io/exit.js';
import type { Io } from '../io/io.js';

/**
 * The program as a function: arguments and the outside world in, an exit code out (see
 * io/exit.ts). Only commander is loaded up front; each command is imported when it runs,
 * so `--help` and `--version` cost little more than starting Node.
 */

export async function run(argv: readonly string[], io: Io): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('communique')
    .description('Draft, validate, render and import meeting communiqués written as Markdown with YAML front matter.')
    .version(packageJson.version, '-v, --version', 'print the version')
    .helpOption('-h, --help', 'show help')
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      writeOut: (text) => io.stdout.write(text),
      writeErr: (text) => io.stderr.write(text),
      outputError: (text, write) => write(text.replace(/^error: /, 'communique: ')),
    });

  configOptions(program.command('validate'))
    .summary('check communiqués against the schemas and communiqué rules')
    .description(
      'Check communiqués against the schemas and communiqué rules, reporting every problem at its line and column. ' +
        'Paths may be files, folders (their .md files) or globs; with none, the `files` of communique.config.json.',
    )
    .argument('[paths...]', 'files, folders or globs to check')
    .addOption(
      new Option(
        '-f, --format <format[=file]>',
        'output format: stylish, json, github, sarif or junit; repeat for several; =file writes to a file',
      )
        .argParser(collect)
        .default([], 'stylish'),
    )
    .addOption(
      new Option('--stage <stage>', 'check as if every document were at least at this lifecycle stage').choices(STAGES),
    )
    .option('--max-warnings <n>', 'exit with 1 when there are more than n warnings', parseCount)
    .option('-q, --quiet', 'report errors only (and say how many warnings were hidden)')
    .option(
      '--fix',
      'apply the fixes that are certain (values in the wrong case, dates in another form, misspelt field names)',
    )
    .option('--fix-dry-run', 'show the certain fixes as a diff, and change nothing')
    .option(
      '-j, --jobs <n>',
      'worker threads to use (default: one per core but one, beside this thread, for large runs)',
      parsePositive,
    )
    .option('--cache', 'check again only the files that changed since the last run (results kept by content)')
    .option(
      '--cache-location <path>',
      'the cache file, or a folder for it (default: node_modules/.cache/communique); implies --cache',
    )
    .action(async (paths: string[], options) => {
      const { validateCommand } = await import('../commands/validate.js');
      exitCode = await validateCommand(paths, options, io);
    });

  configOptions(program.command('new'))
    .summary('draft a new communiqué, carrying forward the group’s members and open actions')
    .description(
      'Draft a communiqué: interactive on a terminal, from flags and --answers otherwise (it never prompts without a terminal). ' +
        'Standing attendees, every open action, the contact and the usual time and place are carried forward from the ' +
        'group’s latest communiqué, which it names. Prints the path it wrote.',
    )
    .option('--group <name>', 'the group that met: its name or short name')
    .option('--new-group', 'the group named is a new one, even if its name is close to a known group')
    .option('--no-carry', 'carry nothing from the group’s earlier communiqués')
    .option('--date <YYYY-MM-DD>', 'the meeting date (default: the next meeting the group set, else today)')
    .option('--number <n>', 'the meeting number (default: one more than the group’s latest)')
    .option('--mode <mode>', 'in-person, virtual or hybrid')
    .option('--place <text>', 'where the meeting was held (not for virtual meetings)')
    .option('--chair <names>', 'the chair’s name or attendee id; co-chairs separated by commas')
    .option('--title <text>', 'the title (default: "<group name> Communiqué")')
    .option('--sections <headings>', 'body sections to start with, separated by commas')
    .option('--answers <file>', 'answers as JSON; - reads standard input')
    .option('-y, --yes', 'accept the defaults; ask nothing')
    .option('--template <name>', 'the draft template (default: default)')
    .option('-o, --out <path>', 'write here instead of the configured new.path')
    .option('--dry-run', 'print the draft instead of writing it')
    .option('--open', 'open the draft in $VISUAL or $EDITOR (on a terminal)')
    .action(async (options) => {
      const { newCommand } = await import('../commands/new/index.js');
      exitCode = await newCommand(options, io);
    });

  configOptions(program.command('render'))
    .summary('render communiqués to HTML, DOCX-ready Markdown, plain text or Word')
    .description(
      'Render communiqués at any stage; drafts are marked DRAFT in every format. Internal content is left out ' +
        'unless --include-internal. Files are written to --out (default: rendered/) with a manifest.json; a file ' +
        'communique did not write is never replaced without --force.',
    )
    .argument('[paths...]', 'files, folders or globs to render')
    .addOption(
      new Option('-t, --to <format>', 'html, md (DOCX-ready Markdown for pandoc), txt, docx or pdf')
        .choices(['html', 'md', 'txt', 'docx', 'pdf'])
        .makeOptionMandatory(),
    )
    .option('-o, --out <folder>', 'the folder to write to (default: rendered)')
    .option('--stdout', 'write to standard output instead of files')
    .option('--template <name>', 'the template to use (default: default)')
    .option('--reference-doc <file>', 'a .docx whose styles, page setup, headers and footers the Word file takes')
    .option('--include-internal', 'keep content marked internal (never for publication)')
    .option('--force', 'replace files communique did not write, or that were changed since')
    .action(async (paths: string[], options) => {
      const { renderCommand } = await import('../commands/render.js');
      exitCode = await renderCommand(paths, options, io);
    });

  configOptions(program.command('export'))
    .summary('publish communiqués: every configured format, only documents ready for publication')
    .description(
      'Check each communiqué at the `published` stage and refuse any that fail; write every format the configuration ' +
        'names (default: html, md, txt and docx) into the output folder with a manifest of files and content hashes. ' +
        'Internal content never reaches an export.',
    )
    .argument('[paths...]', "files, folders or globs to export (default: the configuration's files)")
    .option('-o, --out <folder>', "the folder to export into (default: the configuration's export.out, or public)")
    .option('--force', 'replace files communique did not write, or that were changed since')
    .option('--strict', 'refuse drafts and documents in review instead of leaving them out')
    .option(
      '--reference-doc <file>',
      "a .docx for the Word files' styles (default: the configuration's export.reference_doc)",
    )
    .action(async (paths: string[], options) => {
      const { exportCommand } = await import('../commands/render.js');
      exitCode = await exportCommand(paths, options, io);
    });

  configOptions(program.command('import'))
    .summary('turn old communiqués (text, Markdown, web pages, Word or PDF) into communiqué drafts')
    .description(
      'Import .txt, .md, .html, .docx and .pdf communiqués (or folders of them) as drafts that pass validate at the ' +
        'draft stage. What the source does not say is left as a marked placeholder. Each draft is named by new.path ' +
        '(communiques/{date}-{group}.md) or written into --out, and never over an existing file.',
    )
    .argument('<paths...>', 'files or folders to import')
    .option('-o, --out <folder>', 'write the drafts into this folder')
    .option('--dry-run', 'print the drafts instead of writing them')
    .option('--force', 'import a source that does not read as a communiqué, or that already has front matter')
    .action(async (paths: string[], options) => {
      const { importCommand } = await import('../commands/import.js');
      exitCode = await importCommand(paths, options, io);
    });

  program
    .command('init')
    .summary('set up a repository for communiqués (never overwrites)')
    .description(
      'Create communique.config.json, a communiques/ folder, package.json scripts and the dev dependency, a ' +
        '.gitignore and a CI workflow. Existing files are left as they are; package.json and .gitignore only gain ' +
        'what they lack.',
    )
    .option('--code-scanning', 'also upload SARIF to GitHub code scanning (it must be turned on for the repository)')
    .action(async (options) => {
      const { initCommand } = await import('../commands/init.js');
      exitCode = await initCommand(options, io);
    });

  configOptions(program.command('actions'))
    .summary('the action register across meetings')
    .description(
      'Every action of every communiqué, once, as it stands in the latest communiqué that lists it; overdue actions marked.',
    )
    .argument('[paths...]', "files, folders or globs (default: the configuration's files)")
    .option(
      '-f, --format <format>',
      'table (default), markdown, json; or stylish, github, sarif or junit for overdue actions as diagnostics',
    )
    .option(
      '--status <status>',
      'only actions with this status: open, in-progress, done, carried-forward, dropped or overdue',
    )
    .option('--owner <name>', 'only actions with an owner whose name contains this')
    .option('--group <name>', 'only actions of this group (its short name, or name when it has none)')
    .action(async (paths: string[], options) => {
      const { actionsCommand } = await import('../commands/actions.js');
      exitCode = await actionsCommand(paths, options, io);
    });

  program
    .command('schema')
    .summary('print a JSON Schema by name, or write them all to a folder')
    .argument('[name]', 'communique, meeting, attendee, agreement, action or config')
    .option('-o, --out <folder>', 'write the schemas (or the one named) to this folder')
    .option('--force', 'replace files with other content')
    .action(async (name: string | undefined, options) => {
      const { schemaCommand } = await import('../commands/schema.js');
      exitCode = await schemaCommand(name, options, io);
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    // Help and version asked for exit 0; help shown because no command was given, and
    // every argument error, are usage errors.
    if (error instanceof CommanderError) return error.exitCode === 0 ? EXIT.ok : EXIT.usage;
    // A bug in communique: say so in one line, not a stack trace (COMMUNIQUE_DEBUG shows it).
    const detail =
      error instanceof Error
        ? io.env.COMMUNIQUE_DEBUG
          ? (error.stack ?? error.message)
          : error.message
        : String(error);
    io.stderr.write(`communique: internal error: ${detail}\n`);
    return EXIT.usage;
  }
  return exitCode;
}

/** Every command that reads communiqués takes the same two configuration options. */
function configOptions(command: Command): Command {
  return command
    .option('-c, --config <file>', 'use this configuration file instead of looking for communique.config.json')
    .option('--no-config', 'use no configuration file');
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function parseCount(value: string): number {
  if (!/^\d+$/.test(value)) throw new InvalidArgumentError('give a whole number of warnings, 0 or more');
  return Number(value);
}

function parsePositive(value: string): number {
  if (!/^[1-9]\d*$/.test(value)) throw new InvalidArgumentError('give a whole number, 1 or more');
  return Number(value);
}
