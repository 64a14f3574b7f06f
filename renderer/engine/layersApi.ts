import type { PopulationLoad } from '../../shared/wards/population';
import { loadPopulation, replaceBoundaries, type BoundaryReplacement } from '../../shared/session/importUseCases';
import { session } from './engineState';

/** Area layers and the population table: reference data an analyst brings for their own force. */
export const layersApi = {
  /**
   * Replaces the ward layer from a GeoJSON file (WGS84 or BNG); invalid features are reported,
   * not loaded. Records already in the project are re-placed in the new wards in the same transaction.
   */
  async loadBoundaries(file: File): Promise<BoundaryReplacement> {
    return replaceBoundaries(session, await file.text(), file.name);
  },

  /** Resident population per ward, for harm per 1,000 residents. */
  async loadPopulation(file: File): Promise<PopulationLoad> {
    return loadPopulation(session, await file.text(), file.name);
  },
};
