// Creates and probes an output folder before any computing starts, so a bad `--out` (a file in
// the way, a read-only or virtual file system, an empty path) is a one-line input error at once
// instead of a stack trace after the work. Also names the file-system errors a later write can meet.
import { mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { invalidInput, SolidCellError } from '@solidcell/core';

/** What an errno means for a folder the user named. */
const PATH_PROBLEMS: Readonly<Record<string, string>> = {
  ENOTDIR: 'a folder path (a file is in the way)',
  EEXIST: 'a folder path (a file is in the way)',
  EACCES: 'a folder this user may write to',
  EPERM: 'a folder this user may write to',
  EROFS: 'a folder on a writable file system',
  ENOENT: 'a folder that can be created',
  EISDIR: 'a folder whose entries are files',
  ENAMETOOLONG: 'a shorter path',
  ELOOP: 'a path without symbolic-link loops',
};

/** Errnos that mean the machine ran out of something, not that the path is wrong. */
const RESOURCE_PROBLEMS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
};

function errnoOf(error: unknown): string | undefined {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/**
 * A SolidCellError for a file-system error met while writing under an output folder, or
 * undefined for any other error: path problems are invalid input (exit 2), a full disk or quota
 * a resource limit (exit 5).
 */
export function fileSystemFailure(error: unknown): SolidCellError | undefined {
  const code = errnoOf(error);
  if (code === undefined) return undefined;
  const path = (error as NodeJS.ErrnoException).path ?? 'a file';
  const resource = RESOURCE_PROBLEMS[code];
  if (resource !== undefined) {
    return new SolidCellError('E_RESOURCE_LIMIT', `cannot write ${path}: ${resource} (${code})`, {
      field: 'output',
      value: path,
    });
  }
  const allowed = PATH_PROBLEMS[code];
  if (allowed === undefined) return undefined;
  const operation = (error as NodeJS.ErrnoException).syscall ?? 'access';
  return new SolidCellError(
    'E_INVALID_INPUT',
    `cannot ${operation} ${path}: expected ${allowed} (${code})`,
    { field: 'output', value: path, allowed },
  );
}

/** Creates the missing folders of `folder` one level at a time (Node's recursive mkdir spins on /proc). */
function createFolders(folder: string): void {
  const missing: string[] = [];
  let current = folder;
  for (;;) {
    try {
      if (!statSync(current).isDirectory()) {
        throw Object.assign(new Error(`${current} is not a folder`), {
          code: 'ENOTDIR',
          path: current,
        });
      }
      break;
    } catch (error) {
      if (errnoOf(error) !== 'ENOENT') throw error;
      const parent = dirname(current);
      if (parent === current) throw error;
      missing.push(current);
      current = parent;
    }
  }
  for (const path of missing.reverse()) mkdirSync(path);
}

/**
 * Makes sure `folder` exists and accepts files, before computing.
 * @param flag - the flag that named the folder, for the error line.
 * @throws SolidCellError `E_INVALID_INPUT` naming the flag, the path and why it cannot be used.
 */
export function prepareOutputFolder(flag: string, folder: string): void {
  if (folder.trim() === '') invalidInput(flag, folder, 'a folder path (not empty)');
  const absolute = resolve(folder);
  const probe = join(absolute, `.solidcell-probe-${process.pid}`);
  try {
    createFolders(absolute);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    const code = errnoOf(error);
    if (code !== undefined && RESOURCE_PROBLEMS[code] !== undefined) throw fileSystemFailure(error);
    invalidInput(
      flag,
      folder,
      `${PATH_PROBLEMS[code ?? ''] ?? 'a writable folder'} (${code ?? String(error)})`,
    );
  }
}
