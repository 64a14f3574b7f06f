import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Database } from 'sql.js';
import type { FeatureCollection } from 'geojson';
import { expect } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { DEFAULT_LAYER, detectAreaFields, replaceAreaLayer } from '../../../shared/areas/areaLayer';
import { createProjectDb } from '../../../shared/project/projectDb';
import type { ImportReport, ImportSource } from '../../../shared/import/types';

export const FIXTURES = path.resolve(__dirname, '../../../fixtures');
export const fixture = (name: string): string => path.join(FIXTURES, name);

/** Bytes as an ImportSource, cut into small chunks so chunk boundaries fall inside rows and characters. */
export function bytesSource(name: string, bytes: Uint8Array, chunkSize = 97): ImportSource {
  return {
    name,
    size: bytes.length,
    async *chunks() {
      for (let i = 0; i < bytes.length; i += chunkSize) yield bytes.subarray(i, Math.min(bytes.length, i + chunkSize));
    },
  };
}

export function textSource(name: string, text: string, chunkSize = 97): ImportSource {
  return bytesSource(name, new TextEncoder().encode(text), chunkSize);
}

export function fileBytesSource(rel: string, chunkSize = 4096): ImportSource {
  return bytesSource(path.basename(rel), new Uint8Array(readFileSync(fixture(rel))), chunkSize);
}

let wardsText: string | undefined;
export function wardsGeoJson(): string {
  wardsText ??= readFileSync(fixture('wy_wards_2025_bgc.geojson'), 'utf8');
  return wardsText;
}

/** A fresh project with the 124 West Yorkshire wards loaded, as the demo builds it. */
export async function projectWithWards(): Promise<Database> {
  const db = createProjectDb(await loadSqlJs(), 'test');
  const fc = JSON.parse(wardsGeoJson()) as FeatureCollection;
  replaceAreaLayer(db, DEFAULT_LAYER, fc, detectAreaFields(fc.features[0]!.properties!)!);
  return db;
}

/** The invariant every import must keep. */
export function expectAccounted(r: ImportReport): void {
  expect(r.rowsRead).toBe(r.imported + r.duplicates + r.rejected);
  expect(r.rejections.length).toBe(Math.min(r.rejected, 1000));
}

export function scalar(db: Database, sql: string, params: (string | number | null)[] = []): unknown {
  return db.exec(sql, params)[0]?.values[0]?.[0] ?? null;
}

export function rows(db: Database, sql: string, params: (string | number | null)[] = []): unknown[][] {
  return db.exec(sql, params)[0]?.values ?? [];
}
