import { ISTIO_VERSIONS, isIstioVersion, LATEST_ISTIO_VERSION } from '../core/istio/releases';
import { internalErrorNote, STATUS_INTERNAL, UsageError, type CliResult, type Command } from './command';
import { COMMANDS } from './commands';
import { readProcessStdin, type StdinReader } from './load';
import { VERSION } from './version';

export type { CliResult } from './command';
export { VERSION } from './version';

const USAGE = `Usage: egress-studio <command> [options] FILE...

Commands:
${COMMANDS.map(({ usage: [line, what] }) => `  ${line.padEnd(46)}${what}`).join('\n')}

Every command takes --istio-version 1.N: the Istio release the cluster runs (${ISTIO_VERSIONS[0]} to
${LATEST_ISTIO_VERSION}, default ${LATEST_ISTIO_VERSION}). Fields, values and API versions that release does not have are
errors naming the release that added them, and rules that changed between releases follow it.

FILE may be a YAML or JSON file, a directory (its .yaml, .yml and .json files) or - for stdin.
Exit status: 0 no errors, 1 errors found, 2 a file could not be read or the command is wrong,
3 an internal failure (a bug: please report it).
`;

/** Options every command takes, with their defaults. */
const COMMON_OPTIONS: Record<string, string> = { '--istio-version': LATEST_ISTIO_VERSION };

/** Runs the CLI with the given arguments (without `node` and the script path). */
export function runCli(argv: string[], readStdin: StdinReader = readProcessStdin): CliResult {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-v') return { stdout: `${VERSION}\n`, stderr: '', status: 0 };
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    return { stdout: USAGE, stderr: '', status: name === undefined ? 2 : 0 };
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) return usageError(`unknown command "${name}"`);
  try {
    const { options, files } = parseOptions(command, rest);
    const istioVersion = options.get('--istio-version')!;
    if (!isIstioVersion(istioVersion)) {
      throw new UsageError(
        `unknown Istio version "${istioVersion}" (supported: ${ISTIO_VERSIONS.join(', ')})`,
      );
    }
    if (command.needsFiles && files.length === 0) throw new UsageError('no input files');
    return command.run({ options, files, readStdin, istioVersion });
  } catch (error) {
    if (error instanceof UsageError) return usageError(error.message);
    // A bug, not a finding: its own status, so CI never reads it as "errors found" (1).
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    return { stdout: '', stderr: internalErrorNote(detail), status: STATUS_INTERNAL };
  }
}

function parseOptions(command: Command, args: string[]): { options: Map<string, string>; files: string[] } {
  const known = { ...COMMON_OPTIONS, ...command.options };
  const options = new Map<string, string>();
  for (const [option, value] of Object.entries(known)) if (value !== undefined) options.set(option, value);
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    const [flag, inline] =
      arg.startsWith('--') && arg.includes('=') ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const option = flag === '-f' ? '--format' : flag!;
    if (option in known) {
      const value = inline ?? args[++i];
      if (value === undefined) throw new UsageError(`${flag} needs a value`);
      options.set(option, value);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      files.push(arg);
    }
  }
  return { options, files };
}

function usageError(message: string): CliResult {
  return { stdout: '', stderr: `egress-studio: ${message}\n\n${USAGE}`, status: 2 };
}
