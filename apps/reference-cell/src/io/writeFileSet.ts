// Writes several files of one result into a folder as a set: every file goes to a temporary name
// first and is renamed only when all of them were written, so a failed write (full disk, removed
// folder) leaves the previous complete set, never a mix of old and new files.
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Writes `files` (name → content) into `folder`, all or none.
 * @throws the file-system error of the first write that failed, after removing the temporary files.
 */
export function writeFileSet(
  folder: string,
  files: Readonly<Record<string, string | Uint8Array>>,
): void {
  const tag = `${process.pid}.${randomBytes(4).toString('hex')}`;
  const staged: { temp: string; final: string }[] = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const entry = { temp: join(folder, `.${name}.${tag}.tmp`), final: join(folder, name) };
      staged.push(entry);
      writeFileSync(entry.temp, content);
    }
  } catch (error) {
    for (const { temp } of staged) rmSync(temp, { force: true });
    throw error;
  }
  for (const { temp, final } of staged) renameSync(temp, final);
}
