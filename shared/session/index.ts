/** The session and its use cases: what the app's worker and the CLI both run. */
export { Session, type LastResults, type LastHotspots, type PlanDraft } from './session';
export { JobCancelled, isCancellation, type JobOptions, type JobProgress } from './jobs';
export type { ExportedFile } from './exportedFile';
export * from './projectUseCases';
export * from './importUseCases';
export * from './analysisUseCases';
export * from './trendUseCases';
export * from './wardUseCases';
export * from './harmUseCases';
export * from './planUseCases';
export * from './dosageUseCases';
export * from './evaluationUseCases';
