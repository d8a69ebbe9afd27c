import { runCli } from './main';

// The process entry point: kept apart from runCli so tests can call the CLI in-process.
const result = runCli(process.argv.slice(2));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.status;
