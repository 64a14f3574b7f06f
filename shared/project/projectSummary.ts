import type { ProjectDb as Database } from '../repository/db';
import { getMeta, readSchemaVersion } from './projectDb';
import { recordSummary } from '../repository/records/recordSummary';

export interface ProjectSummary {
  name: string;
  schemaVersion: number;
  crimes: number;
  placedInWard: number;
  outOfArea: number;
  stopSearches: number;
  wardCountRows: number;
  imports: number;
  firstMonth: string | null;
  lastMonth: string | null;
  crimeTypes: { type: string; count: number }[];
  areas: number;
}

/** What the project holds, for the header, the status bar and the CLI. */
export function projectSummary(db: Database): ProjectSummary {
  const { crimes, placedInWard, outOfArea, stopSearches, wardCountRows, imports, firstMonth, lastMonth, crimeTypes, areas } = recordSummary(db);
  return {
    name: getMeta(db, 'name') ?? 'Untitled project', schemaVersion: readSchemaVersion(db),
    crimes, placedInWard, outOfArea, stopSearches, wardCountRows, imports, firstMonth, lastMonth, crimeTypes, areas,
  };
}
