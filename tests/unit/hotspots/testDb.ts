import type { Database } from 'sql.js';
import { loadSqlJs } from '../../../cli/sqlNode';
import { bngToLonLat } from '../../../shared/geo/bng';
import { createProjectDb } from '../../../shared/project/projectDb';

export interface TestCrime {
  month: string;
  type?: string;
  code?: string;
  e?: number;
  n?: number;
  ward?: string | null;
  outOfArea?: boolean;
  from?: string;
  to?: string;
  flags?: string;
}

/** A project with rectangular wards given in BNG (stored as WGS84 like real boundaries). */
export async function makeDb(
  wards: { code: string; name: string; district: string; e0: number; n0: number; e1: number; n1: number; population?: number }[],
  crimes: TestCrime[] = [],
): Promise<Database> {
  const db = createProjectDb(await loadSqlJs(), 'test');
  for (const w of wards) {
    // Densify edges so the projected polygon stays within millimetres of the BNG rectangle.
    const ring: [number, number][] = [];
    const steps = 20;
    const corners: [number, number][] = [[w.e0, w.n0], [w.e1, w.n0], [w.e1, w.n1], [w.e0, w.n1], [w.e0, w.n0]];
    for (let c = 0; c < 4; c++) {
      const [a, b] = [corners[c]!, corners[c + 1]!];
      for (let s = 0; s < steps; s++) ring.push(bngToLonLat(a[0] + ((b[0] - a[0]) * s) / steps, a[1] + ((b[1] - a[1]) * s) / steps));
    }
    ring.push(ring[0]!);
    db.run(
      `INSERT INTO areas(layer, code, name, district_code, district_name, population, geometry)
       VALUES ('wards', ?, ?, ?, ?, ?, ?)`,
      [w.code, w.name, `D-${w.district}`, w.district, w.population ?? null, JSON.stringify({ type: 'Polygon', coordinates: [ring] })],
    );
  }
  insertCrimes(db, crimes);
  return db;
}

let seq = 0;
export function insertCrimes(db: Database, crimes: TestCrime[]): void {
  const stmt = db.prepare(
    `INSERT INTO crimes(import_id, dedupe_key, month, committed_from, committed_to, crime_type, offence_code,
       easting, northing, ward_code, placed_by, out_of_area, flags)
     VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'point', ?, ?)`,
  );
  for (const c of crimes) {
    stmt.run([
      `k${seq++}`, c.month, c.from ?? null, c.to ?? null, c.type ?? null, c.code ?? null,
      c.e ?? null, c.n ?? null, c.ward ?? null, c.outOfArea ? 1 : 0, c.flags ?? null,
    ]);
  }
  stmt.free();
}
