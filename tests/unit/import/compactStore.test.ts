import { describe, expect, it } from 'vitest';
import type { Database } from 'sql.js';
import { loadSqlJs } from '../../../cli/sqlNode';
import { createProjectDb } from '../../../shared/project/projectDb';
import { runImport } from '../../../shared/import/runImport';
import { ContentKeys, idKey } from '../../../shared/import/dedupe';
import { recordKey } from '../../../shared/repository/records/recordKey';
import { StoredKeys } from '../../../shared/repository/records/keyIndex';
import { runImportBatch } from '../../../shared/import/runImportBatch';
import type { ImportSource } from '../../../shared/import/types';

const HEADER = 'Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,Last outcome category,Context';
const ID_A = 'a'.repeat(64), ID_B = 'b'.repeat(64);
const row = (id: string, month: string, lon: string, type = 'Burglary', loc = 'On or near High Street') =>
  `${id},${month},West Yorkshire Police,West Yorkshire Police,${lon},53.8,${loc},E01011229,Leeds 001A,${type},Under investigation,`;

function csv(name: string, lines: string[]): ImportSource {
  const bytes = new TextEncoder().encode([HEADER, ...lines].join('\n') + '\n');
  return { name, size: bytes.length, chunks: async function* () { yield bytes; } };
}

const one = (db: Database, sql: string) => db.exec(sql)[0]?.values ?? [];

describe('compact crime storage (schema v4)', () => {
  it('stores a police.uk crime in a few dozen bytes, readable through the crimes view as written', async () => {
    const db = createProjectDb(await loadSqlJs());
    const r = await runImport(db, csv('one.csv', [row(ID_A, '2024-05', '-1.543211')]), { format: 'police-uk' });
    expect(r.imported).toBe(1);
    expect(one(db, 'SELECT crime_ref, month, crime_type, lon, lat, location, lsoa_code, outcome FROM crimes')).toEqual([
      [ID_A, '2024-05', 'Burglary', -1.543211, 53.8, 'On or near High Street', 'E01011229', 'Under investigation'],
    ]);
    expect(one(db, 'SELECT typeof(ref), length(ref), month, key FROM crime_rows')).toEqual([['blob', 32, 2024 * 12 + 4, recordKey(idKey('p', ID_A))]]);
  });

  it('a key collision never drops a real row: the identity decides, not the key', async () => {
    const db = createProjectDb(await loadSqlJs());
    await runImport(db, csv('a.csv', [row(ID_A, '2024-05', '-1.5')]), { format: 'police-uk' });
    // Make the stored record hold the key the next, different crime will compute.
    db.run('UPDATE crime_rows SET key = ?', [recordKey(idKey('p', ID_B))]);
    const b = await runImport(db, csv('b.csv', [row(ID_B, '2024-05', '-1.5')]), { format: 'police-uk' });
    expect({ imported: b.imported, duplicates: b.duplicates }).toEqual({ imported: 1, duplicates: 0 });
    // The same for rows without an id (ASB): a stored row holding the next row's key, other content.
    const asb1 = row('', '2024-06', '-1.6', 'Anti-social behaviour', 'On or near Park');
    const asb2 = row('', '2024-06', '-1.7', 'Anti-social behaviour', 'On or near Park');
    await runImport(db, csv('asb1.csv', [asb1]), { format: 'police-uk' });
    const asb2Key = recordKey(new ContentKeys('a').key(['2024-06', 'Anti-social behaviour', '-1.7', '53.8', 'On or near Park', 'E01011229']));
    db.run('UPDATE crime_rows SET key = ? WHERE id = (SELECT MAX(id) FROM crime_rows)', [asb2Key]);
    const c = await runImport(db, csv('asb2.csv', [asb2]), { format: 'police-uk' });
    expect({ imported: c.imported, duplicates: c.duplicates }).toEqual({ imported: 1, duplicates: 0 });
    // And a true duplicate is still found among the records sharing a key.
    const again = await runImport(db, csv('asb2-again.csv', [asb2]), { format: 'police-uk' });
    expect({ imported: again.imported, duplicates: again.duplicates }).toEqual({ imported: 0, duplicates: 1 });
    expect(one(db, 'SELECT COUNT(*) FROM crime_rows WHERE key = ' + asb2Key)).toEqual([[2]]);
    expect(one(db, 'SELECT COUNT(*) FROM crimes')).toEqual([[4]]);
  });

  it('keeps identical rows of one file as separate records and finds them again on re-import', async () => {
    const db = createProjectDb(await loadSqlJs());
    const asb = row('', '2024-06', '-1.6', 'Anti-social behaviour');
    const first = await runImport(db, csv('twice.csv', [asb, asb, asb]), { format: 'police-uk' });
    expect(first.imported).toBe(3);
    expect(one(db, 'SELECT occurrence FROM crime_rows ORDER BY id')).toEqual([[null], [2], [3]]);
    const again = await runImport(db, csv('twice-again.csv', [asb, asb, asb, asb]), { format: 'police-uk' });
    expect({ imported: again.imported, duplicates: again.duplicates }).toEqual({ imported: 1, duplicates: 3 });
    // Rows at one snap point share one place.
    expect(one(db, 'SELECT COUNT(*) FROM places')).toEqual([[1]]);
  });

  it('a batch loads the stored keys once: a later file finds an earlier one\'s rows, and a rolled-back file leaves no stale keys', async () => {
    const db = createProjectDb(await loadSqlJs());
    const rows = [row(ID_A, '2024-05', '-1.5'), row(ID_B, '2024-05', '-1.6'), row('', '2024-06', '-1.6', 'Anti-social behaviour')];
    const batch = await runImportBatch(db, [{ kind: 'csv', source: csv('first.csv', rows) }, { kind: 'csv', source: csv('again.csv', rows) }], { format: 'police-uk' });
    expect(batch.files.map((f) => [f.report?.imported, f.report?.duplicates])).toEqual([[3, 0], [0, 3]]);
    // A cancelled file rolls back: the keys it added must not make the next file's rows look stored.
    const keys = new StoredKeys();
    const fresh = [row('c'.repeat(64), '2024-07', '-1.5')];
    const cancelled = await runImport(db, csv('cancelled.csv', fresh), { format: 'police-uk', storedKeys: keys, isCancelled: () => true });
    expect(cancelled.cancelled).toBe(true);
    const next = await runImport(db, csv('next.csv', fresh), { format: 'police-uk', storedKeys: keys });
    expect({ imported: next.imported, duplicates: next.duplicates }).toEqual({ imported: 1, duplicates: 0 });
  });
});
