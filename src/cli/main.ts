import { readFileSync } from 'node:fs';

import { analyzeBundle } from '../core/analysis/analyze';
import { deriveGraph } from '../core/graph';
import { formatJson } from './format/json';
import { locateDiagnostics } from './format/located';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { loadInputs, type LoadedBundle } from './load';

export const VERSION = '0.1.0';

const USAGE = `Usage: egress-studio <command> [options] FILE...

Commands:
  validate [--format text|json|sarif] FILE...   print every diagnostic; exit 1 if any error
  graph --format json FILE...                   print the egress graph {nodes, edges}

FILE may be a YAML or JSON file, a directory (its .yaml, .yml and .json files) or - for stdin.
Exit status: 0 no errors, 1 errors found, 2 a file could not be read or the command is wrong.
`;

/** What a CLI run printed and how it ended; `main` is pure apart from reading files. */
export interface CliResult {
  stdout: string;
  stderr: string;
  status: number;
}

/** Runs the CLI with the given arguments (without `node` and the script path). */
export function runCli(argv: string[], readStdin: () => string = () => readFileSync(0, 'utf8')): CliResult {
  const [command, ...rest] = argv;
  if (command === '--version' || command === '-v') return { stdout: `${VERSION}\n`, stderr: '', status: 0 };
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    return { stdout: USAGE, stderr: '', status: command === undefined ? 2 : 0 };
  }
  const parsed = parseOptions(rest);
  if ('error' in parsed) return usageError(parsed.error);
  if (parsed.files.length === 0) return usageError('no input files');
  if (command === 'validate') {
    if (!['text', 'json', 'sarif'].includes(parsed.format))
      return usageError(`unknown format "${parsed.format}"`);
    return finish(loadInputs(parsed.files, readStdin), (loaded) => {
      const items = locateDiagnostics(analyzeBundle(loaded.bundle), loaded.files);
      const stdout =
        parsed.format === 'json'
          ? formatJson(items)
          : parsed.format === 'sarif'
            ? formatSarif(items, VERSION)
            : formatText(items);
      return { stdout, status: items.some((d) => d.severity === 'error') ? 1 : 0 };
    });
  }
  if (command === 'graph') {
    if (parsed.format !== 'json' && parsed.format !== 'text')
      return usageError(`unknown format "${parsed.format}"`);
    return finish(loadInputs(parsed.files, readStdin), (loaded) => {
      const graph = deriveGraph(loaded.bundle);
      const hasErrors = analyzeBundle(loaded.bundle).some((d) => d.severity === 'error');
      return { stdout: `${JSON.stringify(graph, null, 2)}\n`, status: hasErrors ? 1 : 0 };
    });
  }
  return usageError(`unknown command "${command}"`);
}

function finish(
  loaded: LoadedBundle,
  run: (loaded: LoadedBundle) => { stdout: string; status: number },
): CliResult {
  const stderr = loaded.failures.map((f) => `egress-studio: cannot read ${f.name}: ${f.reason}\n`).join('');
  const { stdout, status } = run(loaded);
  return { stdout, stderr, status: loaded.failures.length > 0 ? 2 : status };
}

function parseOptions(args: string[]): { format: string; files: string[] } | { error: string } {
  let format = 'text';
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (arg === '--format' || arg === '-f') {
      const value = args[++i];
      if (value === undefined) return { error: `${arg} needs a value` };
      format = value;
    } else if (arg.startsWith('--format=')) {
      format = arg.slice('--format='.length);
    } else if (arg.startsWith('-') && arg !== '-') {
      return { error: `unknown option "${arg}"` };
    } else {
      files.push(arg);
    }
  }
  return { format, files };
}

function usageError(message: string): CliResult {
  return { stdout: '', stderr: `egress-studio: ${message}\n\n${USAGE}`, status: 2 };
}
