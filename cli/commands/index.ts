import type { Command } from '../command';
import { demoCommand } from './demo';
import { importCommand } from './import';

/** Every CLI command. Keep in the order `--help` should list them. */
export const COMMANDS: Command[] = [demoCommand, importCommand];
