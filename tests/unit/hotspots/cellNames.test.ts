import type { Database } from 'sql.js';
import { describe, expect, it } from 'vitest';
import { bngToLonLat } from '../../../shared/geo/bng';
import { cellStreetNames, streetOf } from '../../../shared/hotspots/cellNames';
import { commonLocations } from '../../../shared/hotspots/commonLocations';
import { commonLocations as planLocations } from '../../../shared/patrols/hotspotNames';
import { makeDb } from './testDb';

/** Records in two 150 m cells: SQ150_E415050_N433650 (Boar Lane x3, Park Row x2) and the cell east of it. */
const A = { e: 415050, n: 433650 };
const B = { e: 415200, n: 433650 };

let seq = 0;
function add(db: Database, rows: { e?: number; n?: number; lonLat?: boolean; loc: string | null; type?: string; month?: string }[]): void {
  for (const r of rows) {
    const [lon, lat] = r.e !== undefined ? bngToLonLat(r.e, r.n!) : [null, null];
    db.run(
      `INSERT INTO crimes(import_id, dedupe_key, month, crime_type, lon, lat, easting, northing, location, ward_code, placed_by)
       VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, 'W1', 'point')`,
      [`n${seq++}`, r.month ?? '2014-11', r.type ?? 'Burglary', lon, lat, r.lonLat ? null : r.e ?? null, r.lonLat ? null : r.n ?? null, r.loc],
    );
  }
}

async function demo(): Promise<Database> {
  const db = await makeDb([{ code: 'W1', name: 'City', district: 'Leeds', e0: 414000, n0: 433000, e1: 416000, n1: 434500 }]);
  add(db, [
    { e: A.e + 10, n: A.n + 10, loc: 'On or near Boar Lane' },
    { e: A.e + 140, n: A.n + 140, loc: 'On or near Boar Lane' },
    // Only lon/lat stored: placed by projecting it, as the tally does.
    { e: A.e + 75, n: A.n + 75, lonLat: true, loc: 'On or near  Boar   Lane ' },
    { e: A.e + 20, n: A.n + 90, loc: 'On or near Park Row' },
    { e: A.e + 30, n: A.n + 90, loc: 'On or near Park Row' },
    // Another month and another type: excluded by the filters below.
    { e: A.e + 30, n: A.n + 90, loc: 'On or near Park Row', month: '2014-10' },
    { e: A.e + 31, n: A.n + 90, loc: 'On or near Park Row', type: 'Robbery' },
    { e: A.e + 32, n: A.n + 90, loc: 'On or near Park Row', type: 'Robbery' },
    // Cell B: a tie between two names goes to the alphabetically first.
    { e: B.e + 5, n: B.n + 5, loc: 'On or near Swinegate' },
    { e: B.e + 6, n: B.n + 5, loc: 'On or near Call Lane' },
    { e: B.e + 7, n: B.n + 5, loc: null },
    { e: B.e + 8, n: B.n + 5, loc: '   ' },
    // No location at all: not counted anywhere.
    { loc: 'On or near Nowhere' },
  ]);
  return db;
}

describe('cell street names', () => {
  it('names each cell by its most frequent police.uk location, without "On or near"', async () => {
    const db = await demo();
    const ids = ['SQ150_E415050_N433650', 'SQ150_E415200_N433650', 'SQ150_E415350_N433650'];
    // Nov 2014 burglaries only: Boar Lane 3, Park Row 2 in A; Call Lane 1, Swinegate 1 in B; nothing in the third.

    expect(cellStreetNames(db, ids, { from: '2014-11', to: '2014-11', types: ['Burglary'] })).toEqual(['Boar Lane', 'Call Lane', null]);
    // All months and types: Park Row 5 beats Boar Lane 3.
    expect(cellStreetNames(db, ids.slice(0, 1), {})).toEqual(['Park Row']);
  });

  it('keeps the order and duplicates of the ids asked for, and gives null to ids that are not cells', async () => {
    const db = await demo();
    expect(cellStreetNames(db, ['not-a-cell', 'SQ150_E415200_N433650', 'SQ150_E415200_N433650'], { to: '2014-11', types: ['Burglary'] })).toEqual([null, 'Call Lane', 'Call Lane']);
    expect(cellStreetNames(db, [], {})).toEqual([]);
  });

  it('names hexagon cells too', async () => {
    const db = await demo();
    // Hex (q, r) holding A + (20, 90): centre spacing 150, r = round(n / (150 sqrt 3 / 2)).
    const [q, r] = [Math.round((A.e + 20) / 150 - Math.round((A.n + 90) / (150 * Math.sqrt(3) / 2)) / 2), Math.round((A.n + 90) / (150 * Math.sqrt(3) / 2))];
    const names = cellStreetNames(db, [`HX150_Q${q}_R${r}`], { types: ['Robbery'] });
    expect(names).toEqual(['Park Row']);
  });

  it('strips only the police.uk prefix', () => {
    expect(streetOf('On or near Boar Lane')).toBe('Boar Lane');
    expect(streetOf('on or near Parking Area')).toBe('Parking Area');
    expect(streetOf('Leeds Bus Station')).toBe('Leeds Bus Station');
    expect(streetOf('On or near ')).toBe('On or near ');
  });

  it('is the same tally the patrol plans use (moved, not copied)', () => {
    expect(planLocations).toBe(commonLocations);
  });
});
