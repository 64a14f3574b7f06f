import type { PatrolPlan, Schedule } from '../shared/patrols/types';

export async function writePlanPdf(plan: PatrolPlan, schedule: Schedule, outPath: string): Promise<void> { throw new Error('PDF briefing is not available in this build.'); }
