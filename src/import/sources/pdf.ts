/**
 * A PDF as text the plain-text importer reads: pdfjs-dist gives each run of text with its
 * position and size, from which lines are rebuilt (top to bottom, left to right), lines
 * are joined into paragraphs where the gap between them is a line's, headings are told by
 * their larger type, cells of a table row are kept apart by tabs, and lines that come back
 * at the same place on every page (running headers, page numbers) are left for the
 * artefact pass to remove. Only text is read: no fonts, images or scripts.
 */

/** More pages than any communiqué has; the rest of a longer PDF is not read. */
const MAX_PAGES = 200;

interface Item {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

interface Line {
  y: number;
  size: number;
  /** Text runs left to right, with where each starts and ends. */
  runs: { x: number; end: number; text: string }[];
  page: number;
}

interface PdfJs {
  getDocument(options: Record<string, unknown>): {
    promise: Promise<{
      numPages: number;
      getPage(page: number): Promise<{ getTextContent(): Promise<{ items: unknown[] }> }>;
      destroy(): Promise<void>;
    }>;
  };
}

let loading: Promise<PdfJs> | undefined;

/**
 * pdf.js runs its parser in a "worker"; in Node that is the worker module loaded into this
 * thread, handed over through `globalThis.pdfjsWorker`. While it loads it may print notes
 * about optional canvas support, which text extraction does not use: they are kept out of
 * the command's output.
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const quiet = console.log;
    console.log = () => {};
    try {
      const worker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
      (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = worker;
      return (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
    } finally {
      console.log = quiet;
    }
  })();
  return loading;
}

export async function pdfToText(bytes: Uint8Array): Promise<string> {
  const pdfjs = await loadPdfJs();
  const document = await pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  }).promise;
  const lines: Line[] = [];
  try {
    for (let number = 1; number <= Math.min(document.numPages, MAX_PAGES); number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      lines.push(...linesOf(content.items as Item[], number));
    }
  } finally {
    await document.destroy();
  }
  return layout(lines);
}

function linesOf(items: readonly Item[], page: number): Line[] {
  const lines: Line[] = [];
  for (const item of items) {
    if (typeof item.str !== 'string' || item.str === '') continue;
    const [a = 0, b = 0, , , x = 0, y = 0] = item.transform;
    const size = Math.hypot(a, b) || item.height || 10;
    let line = lines.find((candidate) => Math.abs(candidate.y - y) <= size * 0.35);
    if (!line) {
      line = { y, size, runs: [], page };
      lines.push(line);
    }
    line.size = Math.max(line.size, size);
    line.runs.push({ x, end: x + item.width, text: item.str });
  }
  for (const line of lines) line.runs.sort((one, other) => one.x - other.x);
  return lines.sort((one, other) => other.y - one.y);
}

interface Cell {
  /** Where the cell's text starts. */
  x: number;
  /** Inside a table, the column it is in. */
  column: number;
  text: string;
}

/**
 * A line's cells: runs that touch are one word, a small gap is a space, a wide one a new
 * cell — or, inside a table, whatever starts at a column's left edge.
 */
function cellsOf(line: Line, columns?: readonly number[]): Cell[] {
  const cells: Cell[] = [];
  let previousEnd: number | undefined;
  const columnOf = (x: number) => (columns ? columns.findLastIndex((column) => x >= column - 6) : -1);
  for (const run of line.runs) {
    // A run of spaces can stretch over the gap between two columns: it is no text, and no gap.
    if (run.text.trim() === '') {
      const current = cells.at(-1);
      if (current && !current.text.endsWith(' ')) current.text += ' ';
      continue;
    }
    const gap = previousEnd === undefined ? 0 : run.x - previousEnd;
    const current = cells.at(-1);
    const newColumn = columns !== undefined && current !== undefined && columnOf(run.x) !== current.column;
    if (!current || gap > line.size * 1.6 || newColumn)
      cells.push({ x: run.x, column: columnOf(run.x), text: run.text });
    else
      current.text +=
        gap > line.size * 0.15 && !current.text.endsWith(' ') && !run.text.startsWith(' ') ? ` ${run.text}` : run.text;
    previousEnd = run.end;
  }
  return cells.map((cell) => ({ ...cell, text: cell.text.replace(/\s+/g, ' ').trim() })).filter((cell) => cell.text);
}

/** The body's type size: the size most of the text is set in. */
function bodySize(lines: readonly Line[]): number {
  const counts = new Map<number, number>();
  for (const line of lines) {
    const size = Math.round(line.size * 2) / 2;
    counts.set(size, (counts.get(size) ?? 0) + cellsOf(line).reduce((sum, cell) => sum + cell.text.length, 0));
  }
  return [...counts].sort((one, other) => other[1] - one[1])[0]?.[0] ?? 10;
}

const STARTS_ITEM = /^(?:[·•▪◦‣⁃-]|\d{1,3}[.)]|\(?[a-z]\))\s/;

/** Where each page's text starts and ends across: a line that stops well short of the right edge ends its paragraph. */
function margins(lines: readonly Line[]): Map<number, { left: number; right: number }> {
  const found = new Map<number, { left: number; right: number }>();
  for (const line of lines) {
    const start = line.runs[0]?.x ?? 0;
    const end = line.runs.at(-1)?.end ?? 0;
    const page = found.get(line.page);
    if (!page) found.set(line.page, { left: start, right: end });
    else {
      page.left = Math.min(page.left, start);
      page.right = Math.max(page.right, end);
    }
  }
  return found;
}

/** A table being read: its columns' left edges, and its rows, each a list of cells' lines. */
interface Table {
  columns: number[];
  rows: string[][];
  /** The first row's line, read again when the second row shows columns it ran together. */
  first: Line;
  last: Line;
}

/** Two lines of a paragraph or a cell: a hyphen at the break, or a word split in a narrow cell, joins without a space. */
const joinLines = (before: string, after: string) =>
  before === ''
    ? after
    : (before.endsWith('-') && /^\p{Ll}/u.test(after)) || (/\p{Ll}$/u.test(before) && /^\p{Ll}{1,2}$/u.test(after))
      ? `${before}${after}`
      : `${before} ${after}`;

/** The distance from one line of body text to the next: a cell's lines are this close, its rows further apart. */
function pitchOf(lines: readonly Line[], body: number): number {
  const gaps: number[] = [];
  for (let index = 1; index < lines.length; index++) {
    const [above, below] = [lines[index - 1]!, lines[index]!];
    const gap = above.y - below.y;
    if (above.page === below.page && Math.abs(below.size - body) < 0.5 && gap > 0 && gap < body * 2) gaps.push(gap);
  }
  gaps.sort((one, other) => one - other);
  return gaps[Math.floor(gaps.length / 2)] ?? body * 1.3;
}

function layout(lines: readonly Line[]): string {
  const body = bodySize(lines);
  const pitch = pitchOf(lines, body);
  const edges = margins(lines);
  // Had the next line's first word fitted on this one, the break was the writer's, not the wrap's.
  const wrapped = (line: Line, nextText: string) => {
    const page = edges.get(line.page)!;
    const room = page.right - (line.runs.at(-1)?.end ?? 0);
    const chars = line.runs.reduce((sum, run) => sum + run.text.length, 0);
    const width = (line.runs.at(-1)?.end ?? 0) - (line.runs[0]?.x ?? 0);
    const perChar = chars > 0 ? width / chars : line.size * 0.5;
    const word = ((/^\S+/.exec(nextText)?.[0].length ?? 0) + 1) * perChar;
    return room < word * 1.3;
  };
  const out: string[] = [];
  let paragraph = '';
  let heading: { text: string; level: number; size: number } | undefined;
  let table: Table | undefined;
  let previous: Line | undefined;
  const flush = () => {
    if (paragraph) out.push(paragraph, '');
    paragraph = '';
    if (heading) out.push(`${'#'.repeat(heading.level)} ${heading.text}`, '');
    heading = undefined;
    if (table) {
      // Each row a line of tab-separated cells; a row with one cell ("Present") a line of its own.
      for (const row of table.rows)
        out.push(
          row
            .map((cell) => cell || '—')
            .join('\t')
            .replace(/(?:\t—)+$/, ''),
          '',
        );
      table = undefined;
    }
  };
  const aligned = (cells: Cell[], columns: number[]) =>
    cells.every((cell) => columns.some((column) => Math.abs(column - cell.x) <= 6)) && cells[0]!.x >= columns[0]! - 6;
  for (const line of lines) {
    const cells = cellsOf(line, table?.columns);
    if (cells.length === 0) continue;
    const text = cells.map((cell) => cell.text).join('\t');
    const gap = previous && previous.page === line.page ? previous.y - line.y : Number.POSITIVE_INFINITY;
    const isHeading = line.size >= body * 1.15 && text.length <= 120;
    // A table goes on while its lines keep to its columns (across a page, too).
    // A header whose narrow columns ran together ("Owner Due"): the first row shows where they part.
    if (table && table.rows.length === 1 && !isHeading && cells.length > table.columns.length) {
      const columns = [...table.columns, ...cells.map((cell) => cell.x)]
        .sort((one, other) => one - other)
        .filter((x, index, all) => index === 0 || x - all[index - 1]! > 6);
      const header = cellsOf(table.first, columns);
      if (aligned(cells, columns) && header.every((cell) => columns.some((x) => Math.abs(x - cell.x) <= 6))) {
        table.columns = columns;
        table.rows = [columns.map((_, index) => header.find((cell) => cell.column === index)?.text ?? '')];
        cells.splice(0, cells.length, ...cellsOf(line, columns));
      }
    }
    if (table && !isHeading && Math.abs(line.size - table.last.size) <= 2.5 && aligned(cells, table.columns)) {
      // Rows are set apart by their padding; a cell's wrapped lines are close together.
      const newRow = gap > pitch * 1.15 || (table.last.page !== line.page && cells[0]!.x <= table.columns[0]! + 6);
      const row = newRow ? table.columns.map(() => '') : table.rows.at(-1)!;
      if (newRow) table.rows.push(row);
      for (const cell of cells) row[cell.column] = joinLines(row[cell.column]!, cell.text);
      table.last = line;
      previous = line;
      continue;
    }
    if (cells.length >= 2 && !isHeading) {
      flush();
      table = { columns: cells.map((cell) => cell.x), rows: [cells.map((cell) => cell.text)], first: line, last: line };
      previous = line;
      continue;
    }
    if (isHeading) {
      const level = line.size >= body * 1.6 ? 1 : line.size >= body * 1.3 ? 2 : 3;
      // A heading set over two lines is one heading.
      if (heading && heading.size === line.size && gap <= line.size * 1.6) heading.text = joinLines(heading.text, text);
      else {
        flush();
        heading = { text, level, size: line.size };
      }
      previous = line;
      continue;
    }
    const continues =
      previous !== undefined &&
      paragraph !== '' &&
      !heading &&
      gap <= Math.max(previous.size, line.size) * 1.7 &&
      !STARTS_ITEM.test(text) &&
      !/^\p{Lu}[\p{L} ]{1,25}:\s/u.test(text) &&
      !/[:]$/.test(paragraph) &&
      (wrapped(previous, text) || (!/[.!?:;]["”’)]?$/.test(paragraph) && /^[\p{Ll}\d(]/u.test(text)));
    if (continues) paragraph = joinLines(paragraph, text);
    else {
      flush();
      paragraph = text;
    }
    previous = line;
  }
  flush();
  return out.join('\n');
}
