import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { Database, SqlJsStatic } from 'sql.js';
import { areaFeatures } from '../areas/areaLayer';
import { reopenWithRoom } from '../import/presize';
import { buildBaseProject, buildDemoProject, type DemoInputs } from '../project/demoProject';
import { openProjectDb, setMeta, getMeta } from '../project/projectDb';
import { projectSummary, type ProjectSummary } from '../project/projectSummary';
import { checkpoint, phase, type JobOptions } from './jobs';
import type { Session } from './session';

/** New, open, close, rename, demo and summary: the project as a whole. */

export async function newProject(s: Session, wardsGeoJson: string, name: string): Promise<ProjectSummary> {
  s.replace(buildBaseProject(await s.sql(), wardsGeoJson, name));
  return projectSummary(s.db);
}

/** Opens a project from its file's bytes (checked and migrated by openProjectDb). */
export async function openProject(s: Session, bytes: Uint8Array, fileName: string): Promise<ProjectSummary> {
  s.replace(openProjectDb(await s.sql(), bytes, fileName));
  return projectSummary(s.db);
}

/** Takes over a project another part has opened (the CLI reads files through cli/projectFile). */
export function adoptProject(s: Session, db: Database): void {
  s.replace(db);
}

export function closeProject(s: Session): void {
  s.close();
}

export function renameProject(s: Session, name: string): ProjectSummary {
  setMeta(s.db, 'name', name);
  s.markDirty();
  return projectSummary(s.db);
}

export function summary(s: Session): ProjectSummary {
  return projectSummary(s.db);
}

export function projectName(s: Session): string {
  return getMeta(s.db, 'name') ?? 'Untitled project';
}

export function projectWards(s: Session): FeatureCollection<Polygon | MultiPolygon> {
  return areaFeatures(s.db);
}

/** The project as SQLite bytes, for the caller's atomic write. */
export function projectBytes(s: Session): Uint8Array {
  return s.db.export();
}

/**
 * Builds the West Yorkshire demo (bundled wards plus the police.uk download zip through the
 * normal batch import) and opens it. A big import reopens the project with room first.
 */
export async function buildDemo(s: Session, inputs: DemoInputs, job: JobOptions = {}): Promise<ProjectSummary> {
  const SQL = await s.sql();
  phase(job, 'Importing the West Yorkshire demo');
  const started = Date.now();
  const { db, report } = await buildDemoProject(SQL, inputs, (current, bytes) =>
    reopenWithRoom(current, bytes, (image) => openProjectDb(SQL, image, inputs.policeUkZip.name)),
  s.rowSplitter).finally(() => s.rowSplitter?.close?.());
  const importMs = Date.now() - started;
  try {
    await checkpoint(job, 'Building the demo');
  } catch (e) {
    db.close();
    throw e;
  }
  s.replace(db);
  s.last.demo = { report, importMs };
  return projectSummary(db);
}

/**
 * Reopens the open project with room for `bytes` more of CSV when that is large, so sql.js
 * never copies its in-memory file while growing; returns the database to write to.
 */
export function withRoomFor(s: Session, SQL: SqlJsStatic, bytes: number, name: string): Database {
  s.swap(reopenWithRoom(s.db, bytes, (image) => openProjectDb(SQL, image, name)));
  return s.db;
}
