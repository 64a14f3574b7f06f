import type { ProjectDb as Database } from '../repository/db';
import { importBoundaries, type BoundaryImportOptions, type BoundaryReport } from '../areas/importBoundaries';
import { setMeta } from '../project/projectDb';
import { inSavepoint } from '../repository/db';
import { reassignWards, type ReassignReport } from './reassignWards';

export type BoundaryReplacement = BoundaryReport & { reassigned: ReassignReport };

/**
 * The "load new boundaries" use case for the app and the CLI alike: replace the area layer
 * and re-place every stored record in it, as ONE transaction, so a failure half way never
 * leaves records pointing at wards of a layer that is no longer there. Records where the
 * source of the boundaries is named too (project_meta boundaries_source).
 */
export function replaceBoundaries(db: Database, geojsonText: string, options: BoundaryImportOptions = {}): BoundaryReplacement {
  return inSavepoint(db, 'replace_boundaries', () => {
    const report = importBoundaries(db, geojsonText, options);
    const reassigned = reassignWards(db, report.layer);
    setMeta(db, 'boundaries_source', `${report.fileName} (${report.imported} areas, ${report.crs === 'bng' ? 'British National Grid' : 'WGS84'})`);
    return { ...report, reassigned };
  });
}
