import type { Period } from '../../shared/wards/periodChange';
import type { WardTable, WardTableParams } from '../../shared/wards/wardHarmTable';
import type { WardProfileParams } from '../../shared/wards/wardProfile';
import type { WardTableView } from '../../shared/wards/wardTableView';
import type { ExportedFile } from '../../shared/session/exportedFile';
import { exportWardTable, wardProfile, wardTable, type WardProfile } from '../../shared/session/wardUseCases';
import { session } from './engineState';

export type { ExportedFile, WardProfile };

export const wardApi = {
  /** The district leads' table: wards, district subtotals, force total, vs previous and baseline. */
  wardTable(params: WardTableParams): WardTable {
    return wardTable(session, params);
  },

  /** The table as on screen (filter and sort) as CSV or XLSX, named for scheme, set and period. */
  async wardTableExport(params: WardTableParams, view: WardTableView, kind: 'csv' | 'xlsx'): Promise<ExportedFile> {
    const { name, bytes, mime } = await exportWardTable(session, params, view, kind);
    return { name, bytes, mime };
  },

  /** What makes up one ward's harm, its monthly trend, and the previous period's breakdown. */
  wardProfile(code: string, params: WardProfileParams & { previous?: Period }): WardProfile {
    return wardProfile(session, code, params);
  },
};
