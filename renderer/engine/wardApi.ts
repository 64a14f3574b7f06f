import { wardHarmByType, type WardHarmByType, type WardProfileParams } from '../../shared/wards/wardProfile';
import { wardHarmTable, type WardTable, type WardTableParams } from '../../shared/wards/wardHarmTable';
import { wardTableCsv, wardTableFileName, wardTableXlsx } from '../../shared/wards/wardTableCsv';
import type { WardTableView } from '../../shared/wards/wardTableView';
import { wardTrend, type WardTrend } from '../../shared/wards/wardTrend';
import type { Period } from '../../shared/wards/periodChange';
import type { TypeFigures } from '../../shared/wards/wardSentence';
import { db } from './engineState';

export interface WardProfile extends WardHarmByType {
  /** The same breakdown for the comparison period (null when not asked for), for the change sentence. */
  previousByType: TypeFigures[] | null;
  /** Count and harm per month; months without data are null (gaps). */
  trend: WardTrend;
}

export interface ExportedFile {
  name: string;
  bytes: Uint8Array;
  mime: string;
}

export const wardApi = {
  /** The district leads' table: wards, district subtotals, force total, vs previous and baseline. */
  wardTable(params: WardTableParams): WardTable {
    return wardHarmTable(db(), params);
  },

  wardTableCsv(params: WardTableParams, view: WardTableView = {}): Uint8Array {
    return new TextEncoder().encode(wardTableCsv(wardHarmTable(db(), params), view));
  },

  /** The table as on screen (filter and sort) as CSV or XLSX, named for scheme, set and period. */
  async wardTableExport(params: WardTableParams, view: WardTableView, kind: 'csv' | 'xlsx'): Promise<ExportedFile> {
    const t = wardHarmTable(db(), params);
    const name = wardTableFileName(t, kind);
    if (kind === 'csv') return { name, bytes: new TextEncoder().encode(wardTableCsv(t, view)), mime: 'text/csv' };
    return { name, bytes: await wardTableXlsx(t, view), mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' };
  },

  /** What makes up one ward's harm (by crime type, with the table's scheme, set and period), its monthly trend, and the previous period's breakdown. */
  wardProfile(code: string, params: WardProfileParams & { previous?: Period }): WardProfile {
    const { previous, ...p } = params;
    return {
      ...wardHarmByType(db(), code, p),
      previousByType: previous ? wardHarmByType(db(), code, { ...p, from: previous.from, to: previous.to }).byType : null,
      trend: wardTrend(db(), code, p),
    };
  },
};
