import type { Database, SqlJsStatic } from 'sql.js';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_LAYER, detectAreaFields, replaceAreaLayer } from '../areas/areaLayer';
import { installDefaults } from '../harm/installDefaults';
import { runImport } from '../import/runImport';
import type { ImportReport, ImportSource } from '../import/types';
import { createProjectDb, setMeta } from './projectDb';

/** The fixture contents a demo project is built from; callers read them (fs, fetch, bundler). */
export interface DemoInputs {
  wardsGeoJson: string;
  policeUkCsv: ImportSource;
}

export const DEMO_NAME = 'West Yorkshire demo (police.uk sample, May 2018)';

/** A new project: the bundled West Yorkshire wards (ONS 2025 BGC), default harm schemes and category sets, no crimes. */
export function buildBaseProject(SQL: SqlJsStatic, wardsGeoJson: string, name: string): Database {
  const db = createProjectDb(SQL, name);
  const fc = JSON.parse(wardsGeoJson) as FeatureCollection;
  const fields = detectAreaFields(fc.features[0]?.properties ?? {});
  if (!fields) throw new Error('The bundled ward layer has no ward code/name properties.');
  replaceAreaLayer(db, DEFAULT_LAYER, fc, fields);
  setMeta(db, 'boundaries_source', 'ONS Wards 2025 BGC (West Yorkshire), OGL v3');
  installDefaults(db);
  return db;
}

/**
 * The first-start project: the base project plus the police.uk May 2018 sample imported
 * through the normal import path, so the demo shows exactly what an analyst's import would.
 */
export async function buildDemoProject(
  SQL: SqlJsStatic,
  inputs: DemoInputs,
): Promise<{ db: Database; report: ImportReport }> {
  const db = buildBaseProject(SQL, inputs.wardsGeoJson, DEMO_NAME);
  const report = await runImport(db, inputs.policeUkCsv, { format: 'police-uk' });
  return { db, report };
}
