import type { Command } from '../command';
import { exportCommand } from './export';
import { graph } from './graph';
import { mermaid } from './mermaid';
import { scenarios } from './scenarios';
import { validate } from './validate';

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [validate, graph, mermaid, exportCommand, scenarios];
