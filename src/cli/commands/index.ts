import type { Command } from '../command';
import { graph } from './graph';
import { validate } from './validate';

/** Every CLI command, in the order `--help` lists them. */
export const COMMANDS: readonly Command[] = [validate, graph];
