import type { BoundaryReport } from '../../shared/areas/importBoundaries';
import type { ReassignReport } from '../../shared/import/reassignWards';
import { replaceBoundaries } from '../../shared/import/replaceBoundaries';
import { setMeta } from '../../shared/project/projectDb';
import { loadPopulation, type PopulationLoad } from '../../shared/wards/population';
import { db, markDirty } from './engineState';

/** Area layers and the population table: reference data an analyst brings for their own force. */
export const layersApi = {
  /**
   * Replaces the ward layer from a GeoJSON file (WGS84 or BNG); invalid features are reported,
   * not loaded. Records already in the project are re-placed in the new wards, so the tables
   * never mix two boundary sets.
   */
  async loadBoundaries(file: File): Promise<BoundaryReport & { reassigned: ReassignReport | null }> {
    const report = replaceBoundaries(db(), await file.text(), { fileName: file.name });
    markDirty();
    return report;
  },

  /** Resident population per ward, for harm per 1,000 residents. */
  async loadPopulation(file: File): Promise<PopulationLoad> {
    const r = loadPopulation(db(), await file.text());
    if (r.updated > 0) {
      setMeta(db(), 'population_source', `${file.name} (${r.updated} areas)`);
      markDirty();
    }
    return r;
  },
};
