import * as Comlink from 'comlink';
import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { areaFeatures } from '../../shared/areas/areaLayer';
import { buildBaseProject, buildDemoProject, DEMO_ZIP_NAME } from '../../shared/project/demoProject';
import { reopenWithRoom } from '../../shared/import/presize';
import type { BatchReport } from '../../shared/import/runImportBatch';
import { bytesFile } from '../../shared/import/zipSource';
import { openProjectDb, setMeta } from '../../shared/project/projectDb';
import { projectSummary, type ProjectSummary } from '../../shared/project/projectSummary';
import { demoZipUrl, wardsUrl } from './demoAssets';
import { db, isDirty, markDirty, markSaved, replaceDb, sql } from './engineState';

/** The last demo build: its combined import report and how long the import took in this worker. */
let lastDemo: { report: BatchReport; importMs: number } | null = null;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Bundled file ${url} could not be read (${res.status}).`);
  return new Uint8Array(await res.arrayBuffer());
}

export const projectApi = {
  /** Builds the West Yorkshire demo from the bundled police.uk zip through the normal batch import. */
  async openDemo(): Promise<ProjectSummary> {
    const [wards, zip] = await Promise.all([fetchBytes(wardsUrl), fetchBytes(demoZipUrl)]);
    const SQL = await sql();
    const started = performance.now();
    const { db: next, report } = await buildDemoProject(
      SQL,
      { wardsGeoJson: new TextDecoder().decode(wards), policeUkZip: bytesFile(DEMO_ZIP_NAME, zip) },
      (current, bytes) => reopenWithRoom(current, bytes, (image) => openProjectDb(SQL, image, DEMO_ZIP_NAME)),
    );
    lastDemo = { report, importMs: Math.round(performance.now() - started) };
    replaceDb(next);
    return projectSummary(next);
  },

  /** The demo's combined import report and import time (ms, wards + all files), or null before a demo was built. */
  demoImport(): { report: BatchReport; importMs: number } | null {
    return lastDemo;
  },

  /** A new project with the bundled West Yorkshire wards and no crimes. */
  async newProject(name: string): Promise<ProjectSummary> {
    const wards = new TextDecoder().decode(await fetchBytes(wardsUrl));
    const next = buildBaseProject(await sql(), wards, name);
    lastDemo = null;
    replaceDb(next);
    return projectSummary(next);
  },

  /** `bytes` are best transferred here (Comlink.transfer): sql.js copies them into its own file anyway. */
  async openBytes(bytes: Uint8Array, fileName: string): Promise<ProjectSummary> {
    const next = openProjectDb(await sql(), bytes, fileName);
    lastDemo = null;
    replaceDb(next);
    return projectSummary(next);
  },

  /** The project as SQLite bytes for the shell to write atomically; transferred to the UI thread, not copied. */
  exportBytes(): Uint8Array {
    const bytes = db().export();
    return Comlink.transfer(bytes, [bytes.buffer as ArrayBuffer]);
  },

  markSaved(): void {
    markSaved();
  },

  isDirty(): boolean {
    return isDirty();
  },

  rename(name: string): ProjectSummary {
    setMeta(db(), 'name', name);
    markDirty();
    return projectSummary(db());
  },

  summary(): ProjectSummary {
    return projectSummary(db());
  },

  wards(): FeatureCollection<Polygon | MultiPolygon> {
    return areaFeatures(db());
  },

};
