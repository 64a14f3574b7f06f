import * as Comlink from 'comlink';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { bytesFile } from '../../shared/import/zipSource';
import { DEMO_ZIP_NAME } from '../../shared/project/demoProject';
import type { ProjectSummary } from '../../shared/project/projectSummary';
import type { BatchReport } from '../../shared/import/runImportBatch';
import { buildDemo, newProject, openProject, projectBytes, projectWards, renameProject, summary } from '../../shared/session/projectUseCases';
import { demoZipUrl, wardsUrl } from './demoAssets';
import { session } from './engineState';
import { asJob, type ProgressCallback } from './jobs';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Bundled file ${url} could not be read (${res.status}).`);
  return new Uint8Array(await res.arrayBuffer());
}

export const projectApi = {
  /** Builds the West Yorkshire demo from the bundled police.uk zip through the normal batch import. */
  async openDemo(jobId?: string, onProgress?: ProgressCallback): Promise<ProjectSummary> {
    const [wards, zip] = await Promise.all([fetchBytes(wardsUrl), fetchBytes(demoZipUrl)]);
    return asJob(jobId, onProgress, (job) =>
      buildDemo(session, { wardsGeoJson: new TextDecoder().decode(wards), policeUkZip: bytesFile(DEMO_ZIP_NAME, zip) }, job),
    );
  },

  /** The demo's combined import report and import time (ms, wards + all files), or null before a demo was built. */
  demoImport(): { report: BatchReport; importMs: number } | null {
    return session.last.demo;
  },

  /** A new project with the bundled West Yorkshire wards and no crimes. */
  async newProject(name: string): Promise<ProjectSummary> {
    return newProject(session, new TextDecoder().decode(await fetchBytes(wardsUrl)), name);
  },

  /** `bytes` are best transferred here (Comlink.transfer): sql.js copies them into its own file anyway. */
  openBytes(bytes: Uint8Array, fileName: string): Promise<ProjectSummary> {
    return openProject(session, bytes, fileName);
  },

  /** The project as SQLite bytes for the shell to write atomically; transferred to the UI thread, not copied. */
  exportBytes(): Uint8Array {
    const bytes = projectBytes(session);
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  markSaved(): void {
    session.markSaved();
  },

  isDirty(): boolean {
    return session.isDirty;
  },

  rename(name: string): ProjectSummary {
    return renameProject(session, name);
  },

  summary(): ProjectSummary {
    return summary(session);
  },

  wards(): FeatureCollection<Polygon | MultiPolygon> {
    return projectWards(session);
  },
};
