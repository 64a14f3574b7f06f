import type { Database } from 'sql.js';
import { makeDb, type TestCrime } from '../hotspots/testDb';

/**
 * A hand-built force: two 1.5 km square wards (10 x 10 cells of 150 m each) in two
 * districts, side by side. North (ward A, Alpha) holds a 3 x 3 cluster centred on cell
 * SQ150_E420600_N435600 (20 records in the centre, 6 in each neighbour) and one isolated
 * burglary at SQ150_E420150_N436350; South (ward B, Beta) holds a smaller cluster centred on
 * SQ150_E422100_N435900 (12 + 4 each). Months 2024-01 to 2024-12.
 */
export const CENTRE_A = 'SQ150_E420600_N435600';
export const CENTRE_B = 'SQ150_E422100_N435900';
export const ISOLATED = 'SQ150_E420150_N436350';

export interface LocatedCrime extends TestCrime { location?: string }

function cluster(e0: number, n0: number, centre: number, ring: number, centreLoc: (k: number) => string | undefined): LocatedCrime[] {
  const out: LocatedCrime[] = [];
  for (let dj = -1; dj <= 1; dj++) {
    for (let di = -1; di <= 1; di++) {
      const n = di === 0 && dj === 0 ? centre : ring;
      for (let k = 0; k < n; k++) {
        out.push({
          month: `2024-${String((k % 12) + 1).padStart(2, '0')}`, type: 'Violence and sexual offences',
          e: e0 + di * 150 + 75, n: n0 + dj * 150 + 75,
          location: di === 0 && dj === 0 ? centreLoc(k) : `On or near Side Street ${di},${dj}`,
        });
      }
    }
  }
  return out;
}

export function worldCrimes(): LocatedCrime[] {
  return [
    // Centre A: 12 at High Street, 8 at Market Place, so High Street names it.
    ...cluster(420600, 435600, 20, 6, (k) => (k < 12 ? 'On or near High Street' : 'On or near Market Place')),
    // Centre B: no location text, so it is named after its ward.
    ...cluster(422100, 435900, 12, 4, () => undefined),
    { month: '2024-06', type: 'Burglary', e: 420150 + 75, n: 436350 + 75, location: 'On or near Lone Lane' },
  ];
}

export async function makeWorld(crimes: LocatedCrime[] = worldCrimes()): Promise<Database> {
  const db = await makeDb(
    [
      { code: 'A', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421500, n1: 436500 },
      { code: 'B', name: 'Beta', district: 'South', e0: 421500, n0: 435000, e1: 423000, n1: 436500 },
    ],
    crimes,
  );
  // testDb has no location column in its insert: set it afterwards, row by row in insert order.
  const ids = db.exec('SELECT id FROM crimes ORDER BY id')[0]?.values.map((r) => Number(r[0])) ?? [];
  const stmt = db.prepare('UPDATE crimes SET location = ? WHERE id = ?');
  crimes.forEach((c, k) => {
    if (c.location) stmt.run([c.location, ids[k]!]);
  });
  stmt.free();
  return db;
}
