import type { ProjectDb as Database } from '../repository/db';
import { readDosageImports, type DosageImportRecord } from '../repository/dosage';

/**
 * The dosage input files of a plan, read from dosage_imports (row accounting in columns, the
 * importer's DosageImportReport as JSON in `summary`). The summary is read defensively: a
 * field the importer did not write is shown as unknown, never guessed.
 */
export interface DosageImportInfo extends Omit<DosageImportRecord, 'kind' | 'summary'> {
  kind: 'fixes' | 'records';
  devices: number | null;
  visits: number | null;
  passThroughs: number | null;
  medianFixIntervalSeconds: number | null;
  firstUtc: number | null;
  lastUtc: number | null;
  notes: string[];
  /** One plain line for Notes sheets and CSV method lines. */
  line: string;
}

function num(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

function instant(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string') {
    const t = Date.parse(v);
    return Number.isFinite(t) ? t : null;
  }
  return null;
}

const fmt = (n: number) => n.toLocaleString('en-GB');

export function loadDosageImports(db: Database, planId: string): DosageImportInfo[] {
  return readDosageImports(db, planId).map((r) => {
    let s: Record<string, unknown> = {};
    try {
      const parsed = JSON.parse(r.summary) as unknown;
      if (parsed && typeof parsed === 'object') s = parsed as Record<string, unknown>;
    } catch {
      s = {};
    }
    const kind = r.kind === 'records' ? 'records' : 'fixes';
    const info: DosageImportInfo = {
      id: r.id, kind, fileName: r.fileName, importedAt: r.importedAt, rowsRead: r.rowsRead, accepted: r.accepted,
      duplicates: r.duplicates, rejected: r.rejected, devices: num(s['devices']), visits: num(s['visits']),
      passThroughs: num(s['passThroughs']), medianFixIntervalSeconds: num(s['medianFixIntervalSeconds']),
      firstUtc: instant(s['firstFixUtc']), lastUtc: instant(s['lastFixUtc']),
      notes: Array.isArray(s['notes']) ? (s['notes'] as unknown[]).filter((x): x is string => typeof x === 'string') : [],
      line: '',
    };
    const parts = [
      `${kind === 'fixes' ? 'GPS fixes' : 'patrol records'} file ${r.fileName} (import ${r.id}, ${r.importedAt})`,
      `${fmt(r.rowsRead)} rows read = ${fmt(r.accepted)} accepted + ${fmt(r.duplicates)} duplicates + ${fmt(r.rejected)} rejected`,
    ];
    if (kind === 'fixes') {
      if (info.devices !== null) parts.push(`${fmt(info.devices)} devices`);
      if (info.visits !== null) parts.push(`${fmt(info.visits)} device visits`);
      if (info.passThroughs !== null) parts.push(`${fmt(info.passThroughs)} pass-throughs dropped`);
      parts.push(`median fix interval ${info.medianFixIntervalSeconds === null ? 'unknown' : `${info.medianFixIntervalSeconds} s`}`);
      if (info.firstUtc !== null && info.lastUtc !== null) {
        parts.push(`fixes ${new Date(info.firstUtc).toISOString()} to ${new Date(info.lastUtc).toISOString()}`);
      }
    }
    info.line = parts.join('; ');
    return info;
  });
}

/** Median of the values; null for none. */
export function medianOf(values: number[]): number | null {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
