import { evaluatePlan, evaluationCsv as evaluationCsvText, type Evaluation, type EvaluationRequest } from '../evaluation/evaluatePlan';
import { utf8 } from './exportedFile';
import { checkpoint, phase, type JobOptions } from './jobs';
import type { Session } from './session';

export type { Evaluation, EvaluationRequest };

/** Before/after evaluation with WDQ, TNE and WDD; kept for the CSV export. */
export async function evaluate(s: Session, req: EvaluationRequest, job: JobOptions = {}): Promise<Evaluation> {
  const generation = s.generation;
  phase(job, 'Counting crime before and after in the hotspots, buffers and controls');
  await checkpoint(job, 'The evaluation');
  const ev = evaluatePlan(s.db, req);
  await checkpoint(job, 'The evaluation');
  if (generation === s.generation) s.last.evaluation = ev;
  return ev;
}

export function evaluationCsv(s: Session): Uint8Array {
  if (!s.last.evaluation) throw new Error('Run the evaluation first.');
  return utf8(evaluationCsvText(s.last.evaluation));
}
