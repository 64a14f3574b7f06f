import type { ProjectDb as Database, SqlJsStatic } from '../repository/db';
import type { FeatureCollection } from 'geojson';
import { DEFAULT_LAYER, detectAreaFields, replaceAreaLayer } from '../areas/areaLayer';
import { installDefaults } from '../harm/installDefaults';
import { runImportBatch, type BatchReport } from '../import/runImportBatch';
import type { RowSplitter } from '../import/rowSplitter';
import type { RandomAccessFile } from '../import/zipSource';
import { createProjectDb, setMeta } from './projectDb';

/** The fixture contents a demo project is built from; callers read them (fs, fetch, bundler). */
export interface DemoInputs {
  wardsGeoJson: string;
  /** The police.uk download zip: four street-crime months (2014-08..2014-11) and one stop-and-search month (2021-08). */
  policeUkZip: RandomAccessFile;
}

export const DEMO_NAME = 'West Yorkshire demo (police.uk, Aug-Nov 2014 street crime; stop and search Aug 2021)';
/** The bundled demo zip, in police.uk's own download layout (fixtures/README.md says where it comes from). */
export const DEMO_ZIP_NAME = 'west-yorkshire-demo-police-uk.zip';

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
 * The first-start project: the base project plus the police.uk download zip imported through
 * the normal batch import (each month its own transaction and report), so the demo shows
 * exactly what an analyst's import of a police.uk download would.
 */
export async function buildDemoProject(
  SQL: SqlJsStatic,
  inputs: DemoInputs,
  dbFor?: (db: Database, bytes: number) => Database,
  splitter?: RowSplitter,
): Promise<{ db: Database; report: BatchReport }> {
  let db = buildBaseProject(SQL, inputs.wardsGeoJson, DEMO_NAME);
  const report = await runImportBatch(db, [{ kind: 'zip', file: inputs.policeUkZip }], {
    dbFor: dbFor ? (bytes) => (db = dbFor(db, bytes)) : undefined,
    splitter,
  });
  const failed = report.files.find((f) => f.status === 'not-imported');
  if (failed) throw new Error(`The bundled demo could not be imported: ${failed.message ?? failed.name}`);
  return { db, report };
}
