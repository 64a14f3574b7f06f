import type { Period } from '../wards/periodChange';
import { wardHarmTable, type WardTable, type WardTableParams } from '../wards/wardHarmTable';
import { wardHarmByType, type WardHarmByType, type WardProfileParams } from '../wards/wardProfile';
import type { TypeFigures } from '../wards/wardSentence';
import { wardTableCsv, wardTableFileName, wardTableXlsx } from '../wards/wardTableCsv';
import type { WardTableView } from '../wards/wardTableView';
import { wardTrend, type WardTrend } from '../wards/wardTrend';
import { MIME, utf8, type ExportedFile } from './exportedFile';
import type { Session } from './session';

export interface WardProfile extends WardHarmByType {
  /** The same breakdown for the comparison period (null when not asked for), for the change sentence. */
  previousByType: TypeFigures[] | null;
  /** Count and harm per month; months without data are null (gaps). */
  trend: WardTrend;
}

/** The district leads' table: wards, district subtotals, force total, vs previous and baseline. */
export function wardTable(s: Session, params: WardTableParams): WardTable {
  return wardHarmTable(s.db, params);
}

/** The table as on screen (filter and sort) as CSV or XLSX (with a Method sheet), named for scheme, set and period. */
export async function exportWardTable(s: Session, params: WardTableParams, view: WardTableView, kind: 'csv' | 'xlsx'): Promise<ExportedFile & { table: WardTable }> {
  const table = wardHarmTable(s.db, params);
  const name = wardTableFileName(table, kind);
  if (kind === 'csv') return { name, bytes: utf8(wardTableCsv(table, view)), mime: MIME.csv, table };
  return { name, bytes: await wardTableXlsx(table, view), mime: MIME.xlsx, table };
}

/** What makes up one ward's harm (by crime type), its monthly trend, and the previous period's breakdown. */
export function wardProfile(s: Session, code: string, params: WardProfileParams & { previous?: Period }): WardProfile {
  const { previous, ...p } = params;
  return {
    ...wardHarmByType(s.db, code, p),
    previousByType: previous ? wardHarmByType(s.db, code, { ...p, from: previous.from, to: previous.to }).byType : null,
    trend: wardTrend(s.db, code, p),
  };
}
