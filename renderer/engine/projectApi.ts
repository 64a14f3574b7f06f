import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { areaFeatures } from '../../shared/areas/areaLayer';
import { buildBaseProject, buildDemoProject } from '../../shared/project/demoProject';
import { openProjectDb, setMeta } from '../../shared/project/projectDb';
import { projectSummary, type ProjectSummary } from '../../shared/project/projectSummary';
import { crimesUrl, DEMO_CRIMES_NAME, wardsUrl } from './demoAssets';
import { db, isDirty, markDirty, markSaved, replaceDb, sql } from './engineState';
import { bytesSource } from './sources';

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Bundled file ${url} could not be read (${res.status}).`);
  return new Uint8Array(await res.arrayBuffer());
}

export const projectApi = {
  /** Builds the West Yorkshire demo from the bundled fixtures through the normal import path. */
  async openDemo(): Promise<ProjectSummary> {
    const [wards, crimes] = await Promise.all([fetchBytes(wardsUrl), fetchBytes(crimesUrl)]);
    const { db: next } = await buildDemoProject(await sql(), {
      wardsGeoJson: new TextDecoder().decode(wards),
      policeUkCsv: bytesSource(DEMO_CRIMES_NAME, crimes),
    });
    replaceDb(next);
    return projectSummary(next);
  },

  /** A new project with the bundled West Yorkshire wards and no crimes. */
  async newProject(name: string): Promise<ProjectSummary> {
    const wards = new TextDecoder().decode(await fetchBytes(wardsUrl));
    const next = buildBaseProject(await sql(), wards, name);
    replaceDb(next);
    return projectSummary(next);
  },

  async openBytes(bytes: Uint8Array, fileName: string): Promise<ProjectSummary> {
    const next = openProjectDb(await sql(), bytes, fileName);
    replaceDb(next);
    return projectSummary(next);
  },

  /** The project as SQLite bytes for the shell to write atomically. */
  exportBytes(): Uint8Array {
    return db().export();
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
