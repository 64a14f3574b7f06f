import type { ProjectDb as Database } from '../repository/db';
import { readAreaLayerSignature } from '../repository/areas';
import { areaFeatures, DEFAULT_LAYER } from '../areas/areaLayer';
import type { CellShape, StudyGrid } from './lattice';
import { buildStudyGrid, projectAreas } from './studyArea';

export const DEFAULT_CELL_SIZE = 150;

const gridCache = new WeakMap<Database, Map<string, StudyGrid>>();

/**
 * The study grid for a project's area layer. Cached per database, layer, shape and size,
 * keyed also on the layer's area count and total geometry length, so re-running with other
 * filters skips the ~0.1-0.5 s rebuild while a replaced boundary layer is picked up.
 */
export function studyGridFor(db: Database, shape: CellShape, size: number, layer = DEFAULT_LAYER): StudyGrid {
  const key = `${layer}|${shape}|${size}|${readAreaLayerSignature(db, layer)}`;
  let perDb = gridCache.get(db);
  const hit = perDb?.get(key);
  if (hit) return hit;
  const fc = areaFeatures(db, layer);
  if (fc.features.length === 0) throw new Error(`The project has no "${layer}" areas: load boundaries first.`);
  const grid = buildStudyGrid(projectAreas(fc), shape, size);
  if (!perDb) gridCache.set(db, (perDb = new Map<string, StudyGrid>()));
  if (perDb.size >= 4) perDb.delete(perDb.keys().next().value!);
  perDb.set(key, grid);
  return grid;
}
