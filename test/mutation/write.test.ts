import * as realFs from 'node:fs';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { FileSystem } from '../../src/io/io.js';
import { temporaryName, writeAtomically, writeNewFile } from '../../src/io/write.js';
import { temporaryFolder } from '../support/temporary.js';

/** The real file system, with some calls replaced to act out what can go wrong. */
function faulty(overrides: Partial<FileSystem>): FileSystem {
  return { ...realFs, ...overrides } as FileSystem;
}

function folder(): string {
  return temporaryFolder('communique-write-');
}

const bytes = (text: string) => new TextEncoder().encode(text);

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** A file system whose writes take at most `size` bytes at a time, as pipes and full disks do. */
function shortWrites(size: number, closed: number[] = []): FileSystem {
  return faulty({
    writeSync: ((fd: number, buffer: Uint8Array, offset: number) =>
      realFs.writeSync(fd, buffer, offset, Math.min(size, buffer.length - offset))) as FileSystem['writeSync'],
    closeSync: (fd: number) => {
      closed.push(fd);
      realFs.closeSync(fd);
    },
  });
}

describe('temporaryName', () => {
  it('is a hidden .tmp file beside the target, with a random part', () => {
    const first = temporaryName('/srv/minutes/agenda.md');
    const second = temporaryName('/srv/minutes/agenda.md');
    expect(first).toMatch(/^\/srv\/minutes\/\.agenda\.md\.[0-9a-f]{12}\.tmp$/);
    expect(second).toMatch(/^\/srv\/minutes\/\.agenda\.md\.[0-9a-f]{12}\.tmp$/);
    expect(first).not.toBe(second);
  });
});

describe('writeAtomically', () => {
  it('replaces the file with the whole content and leaves nothing else behind', () => {
    const dir = folder();
    const path = join(dir, 'summary.txt');
    writeFileSync(path, 'the old text, which is longer than the new one');
    writeAtomically(realFs, path, bytes('new text'));
    expect(readFileSync(path, 'utf8')).toBe('new text');
    expect(readdirSync(dir)).toEqual(['summary.txt']);
  });

  it('keeps writing until every byte is down when the system takes a few at a time', () => {
    const dir = folder();
    const path = join(dir, 'long.txt');
    const closed: number[] = [];
    writeAtomically(shortWrites(3, closed), path, bytes('Ōtautahi working group, 14 items'));
    expect(readFileSync(path, 'utf8')).toBe('Ōtautahi working group, 14 items');
    expect(closed).toHaveLength(1);
  });

  it('writes an empty file', () => {
    const dir = folder();
    const path = join(dir, 'empty.txt');
    writeAtomically(realFs, path, new Uint8Array());
    expect(readFileSync(path, 'utf8')).toBe('');
    expect(readdirSync(dir)).toEqual(['empty.txt']);
  });

  it('leaves the previous version and no temporary file when the rename fails', () => {
    const dir = folder();
    const path = join(dir, 'report.txt');
    writeFileSync(path, 'previous version');
    const fs = faulty({
      renameSync: () => {
        throw errno('EXDEV');
      },
    });
    expect(() => writeAtomically(fs, path, bytes('next version'))).toThrow('EXDEV: simulated');
    expect(readFileSync(path, 'utf8')).toBe('previous version');
    expect(readdirSync(dir)).toEqual(['report.txt']);
  });

  it("reports the rename's own error when the temporary file has already gone", () => {
    const dir = folder();
    const path = join(dir, 'report.txt');
    const fs = faulty({
      renameSync: (from) => {
        realFs.rmSync(from);
        throw errno('ENOENT');
      },
    });
    expect(() => writeAtomically(fs, path, bytes('text'))).toThrow('ENOENT: simulated');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('closes the file and removes the temporary file when a write fails', () => {
    const dir = folder();
    const path = join(dir, 'report.txt');
    const closed: number[] = [];
    const fs = faulty({
      writeSync: () => {
        throw errno('ENOSPC');
      },
      closeSync: (fd: number) => {
        closed.push(fd);
        realFs.closeSync(fd);
      },
    });
    expect(() => writeAtomically(fs, path, bytes('text'))).toThrow('ENOSPC: simulated');
    expect(closed).toHaveLength(1);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('passes on the error when the temporary file cannot be created', () => {
    const dir = folder();
    const removed: string[] = [];
    const fs = faulty({
      openSync: () => {
        throw errno('EACCES');
      },
      rmSync: (path, options) => {
        removed.push(String(path));
        realFs.rmSync(path, options);
      },
    });
    expect(() => writeAtomically(fs, join(dir, 'a.txt'), bytes('text'))).toThrow('EACCES: simulated');
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatch(/\/\.a\.txt\.[0-9a-f]{12}\.tmp$/);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('writeNewFile', () => {
  it('creates the file and its folders, and says so', () => {
    const dir = folder();
    const path = join(dir, 'drafts', '2024', 'meeting.md');
    expect(writeNewFile(realFs, path, bytes('---\ntitle: Draft\n---\n'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('---\ntitle: Draft\n---\n');
    expect(readdirSync(join(dir, 'drafts', '2024'))).toEqual(['meeting.md']);
  });

  it('leaves an existing file alone and says it did not write', () => {
    const dir = folder();
    const path = join(dir, 'meeting.md');
    writeFileSync(path, 'written by a person');
    expect(writeNewFile(realFs, path, bytes('generated'))).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('written by a person');
    expect(readdirSync(dir)).toEqual(['meeting.md']);
  });

  it('says an existing file exists, even in a folder it could not write to', () => {
    const dir = folder();
    const path = join(dir, 'meeting.md');
    writeFileSync(path, 'written by a person');
    const fs = faulty({
      openSync: () => {
        throw errno('EACCES');
      },
    });
    expect(writeNewFile(fs, path, bytes('generated'))).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('written by a person');
  });

  it('succeeds when the file system moves the temporary file into place instead of linking it', () => {
    const dir = folder();
    const path = join(dir, 'meeting.md');
    const fs = faulty({
      linkSync: (from, to) => {
        realFs.renameSync(from, to);
      },
    });
    expect(writeNewFile(fs, path, bytes('moved into place'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('moved into place');
    expect(readdirSync(dir)).toEqual(['meeting.md']);
  });

  it('loses the race to a file created between the check and the link, without replacing it', () => {
    const dir = folder();
    const path = join(dir, 'meeting.md');
    const fs = faulty({
      linkSync: () => {
        writeFileSync(path, 'created a moment ago by someone else');
        throw errno('EEXIST');
      },
    });
    expect(writeNewFile(fs, path, bytes('generated'))).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe('created a moment ago by someone else');
    expect(readdirSync(dir)).toEqual(['meeting.md']);
  });

  it('falls back to an exclusive create where hard links are not supported', () => {
    const dir = folder();
    const path = join(dir, 'meeting.md');
    const fs = faulty({
      linkSync: () => {
        throw errno('EPERM');
      },
    });
    expect(writeNewFile(fs, path, bytes('generated text'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('generated text');
    expect(readdirSync(dir)).toEqual(['meeting.md']);
  });

  it('writes every byte in the fallback too, however few the system takes at a time', () => {
    const dir = folder();
    const path = join(dir, 'meeting.md');
    const closed: number[] = [];
    const fs = faulty({
      ...shortWrites(2, closed),
      linkSync: () => {
        throw errno('EPERM');
      },
    });
    expect(writeNewFile(fs, path, bytes('seven items'))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe('seven items');
    // The temporary file and the fallback's own descriptor are both closed.
    expect(closed).toHaveLength(2);
    expect(readdirSync(dir)).toEqual(['meeting.md']);
  });
});
