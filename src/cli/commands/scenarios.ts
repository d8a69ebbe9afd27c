import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { SCENARIOS } from '../../templates/scenarios';
import { STATUS_UNREADABLE, UsageError, type CliResult, type Command } from '../command';

/**
 * `scenarios`: without `--out`, a table of the scenario catalogue (id, tags, title); with
 * `--out DIR`, every scenario bundle written as `DIR/<id>.yaml` (DIR is created), printing each
 * path written. Exit 2 if a file cannot be written.
 */
export const scenarios: Command = {
  name: 'scenarios',
  usage: ['scenarios [--out DIR]', 'list the scenario catalogue; with --out, write each as DIR/<id>.yaml'],
  options: { '--out': undefined },
  needsFiles: false,
  run({ options, files }) {
    if (files.length > 0) throw new UsageError(`scenarios takes no files (got "${files[0]}")`);
    const out = options.get('--out');
    if (out === '') throw new UsageError('--out needs a directory');
    return out === undefined ? { stdout: catalogueTable(), stderr: '', status: 0 } : writeAll(out);
  },
};

function catalogueTable(): string {
  const rows = [
    ['ID', 'TAGS', 'TITLE'],
    ...SCENARIOS.map(({ id, tags, title }) => [id, tags.join(','), title]),
  ];
  const idWidth = Math.max(...rows.map(([id]) => id!.length));
  const tagWidth = Math.max(...rows.map(([, tags]) => tags!.length));
  return rows
    .map(([id, tags, title]) => `${id!.padEnd(idWidth)}  ${tags!.padEnd(tagWidth)}  ${title!}\n`)
    .join('');
}

/** Writes every bundle and prints each path; stops at the first file it cannot write (status 2). */
function writeAll(directory: string): CliResult {
  const written: string[] = [];
  try {
    mkdirSync(directory, { recursive: true });
    for (const { id, text } of SCENARIOS) {
      const path = join(directory, `${id}.yaml`);
      writeFileSync(path, text);
      written.push(path);
    }
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return {
      stdout: written.map((path) => `${path}\n`).join(''),
      stderr: `egress-studio: cannot write to ${directory}: ${reason}\n`,
      status: STATUS_UNREADABLE,
    };
  }
  return { stdout: written.map((path) => `${path}\n`).join(''), stderr: '', status: 0 };
}
