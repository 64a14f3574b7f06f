import type { Command } from '../command';
import { demoCommand } from './demo';
import { importCommand } from './import';
import { hotspotsCommand } from './hotspots';
import { wardsCommand } from './wards';
import { planCommand } from './plan';
import { dosageCommand } from './dosage';
import { evaluateCommand } from './evaluate';
import { trendsCommand } from './trends';

/** Every CLI command. Keep in the order `--help` should list them. */
export const COMMANDS: Command[] = [demoCommand, importCommand, hotspotsCommand, wardsCommand, planCommand, dosageCommand, evaluateCommand, trendsCommand];
