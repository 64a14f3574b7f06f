import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { createProjectDb } from '../../../shared/project/projectDb';
import { CrimeRowWriter } from '../../../shared/repository/records/crimeRowWriter';
import { directBinder } from '../../../shared/repository/records/directBind';
import { insertImportRow } from '../../../shared/repository/records/importRecords';

/** Rows of every shape the writer takes: big keys, nulls, Crime IDs as bytes, text references, repeats; more than one statement's worth. */
function writeRows(direct: boolean, db: ReturnType<typeof createProjectDb>): unknown[][] {
  expect(insertImportRow(db, 'a.csv', 'police-uk', null)).toBe(1);
  const w = new CrimeRowWriter(db, direct);
  const ref = new Uint8Array(64).map((_, i) => (i * 37) & 255);
  for (let i = 0; i < 700; i++) {
    const key = (i * 2654435761) % 2 ** 47;
    const r = i % 10;
    const refArg = r < 6 ? ref : r === 6 ? `FORCE/${i}` : null;
    w.push(i + 1, 1, key, 24290 + (i % 12), i % 7 === 0 ? null : 3 + (i % 5), i % 3 === 0 ? null : 2_000_000_000 + i, 1 + (i % 40), refArg, i % 13 === 0 ? 2 : null, r < 6 ? i % 33 : 0);
  }
  w.flush();
  w.free();
  return db.exec('SELECT id, import_id, key, month, type_id, outcome_id, place_id, hex(ref), typeof(ref), occurrence FROM crime_rows ORDER BY id')[0]!.values;
}

describe('the crime row writer', () => {
  it('finds the statement handle to bind numbers directly on this sql.js, and writes exactly what binding through sql.js writes', async () => {
    const SQL = await loadSqlJs();
    const db = createProjectDb(SQL, 'direct');
    const sql = 'SELECT ?1 + ?2';
    const stmt = db.prepare(sql);
    // The fast path is in use with the sql.js the app ships (a sql.js that hid the handle would fall back).
    expect(directBinder(db, stmt, sql)).not.toBeNull();
    stmt.free();
    const viaDirect = writeRows(true, db);
    const viaSqlJs = writeRows(false, createProjectDb(SQL, 'sql.js'));
    expect(viaDirect).toHaveLength(700);
    expect(viaDirect).toEqual(viaSqlJs);
    // 47-bit keys, int32-overflowing ids and the Crime ID bytes survive as written.
    expect(viaDirect[1]!.slice(2, 3)).toEqual([2654435761 % 2 ** 47]);
    expect(viaDirect[1]![5]).toBe(2_000_000_001);
    expect(viaDirect[1]![7]).toBe(Buffer.from(new Uint8Array(64).map((_, i) => (i * 37) & 255).subarray(1, 33)).toString('hex').toUpperCase());
    expect(viaDirect[6]!.slice(7, 9)).toEqual(['464F5243452F36', 'text']);
  });
});
