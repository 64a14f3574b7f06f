import { wardHarmByType, type WardHarmByType, type WardProfileParams } from '../../shared/wards/wardProfile';
import { wardHarmTable, type WardTable, type WardTableParams } from '../../shared/wards/wardHarmTable';
import { wardTableCsv } from '../../shared/wards/wardTableCsv';
import { db } from './engineState';

export type WardProfile = WardHarmByType;

export const wardApi = {
  /** The district leads' table: wards, district subtotals, force total, vs previous and baseline. */
  wardTable(params: WardTableParams): WardTable {
    return wardHarmTable(db(), params);
  },

  wardTableCsv(params: WardTableParams): Uint8Array {
    return new TextEncoder().encode(wardTableCsv(wardHarmTable(db(), params)));
  },

  /** What makes up one ward's harm: by crime type, with the table's scheme, set and period. */
  wardProfile(code: string, params: WardProfileParams): WardProfile {
    return wardHarmByType(db(), code, params);
  },
};
