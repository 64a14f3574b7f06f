import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { createProjectDb } from '../../../shared/project/projectDb';
import {
  createHarmScheme, deleteHarmScheme, getHarmScheme, listHarmSchemes, resolveHarmScheme, updateHarmScheme,
} from '../../../shared/harm/harmSchemes';
import { makeWeigher } from '../../../shared/harm/harmWeighting';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { normaliseOffenceCode, parseWeightTable } from '../../../shared/harm/offenceCodes';
import { CCHI_CATEGORY_LABEL } from '../../../shared/harm/defaultSchemes';
import { readFileSync } from 'node:fs';
import { importWeightTable } from '../../../shared/harm/weightTableImport';

const newDb = async () => createProjectDb(await loadSqlJs(), 't');

describe('default harm schemes', () => {
  it('installs count and the CCHI category table, idempotently and without undoing edits', async () => {
    const db = await newDb();
    expect(installDefaults(db).schemes).toEqual(['count', 'cchi-category']);
    const cchi = getHarmScheme(db, 'cchi-category')!;
    expect(cchi.label).toBe(CCHI_CATEGORY_LABEL);
    expect(cchi.label).toBe('CCHI, derived category averages');
    expect(cchi.weights['Anti-social behaviour']).toBe(1);
    // Every row of the fixture CSV is embedded verbatim.
    const csv = readFileSync('fixtures/cchi_weights_by_policeuk_category_west_yorkshire_cbl-realcrime.csv', 'utf8');
    const rows = csv.trim().split('\n').slice(1);
    expect(rows.length).toBe(13);
    for (const row of rows) {
      const [, type, days] = row.split(',');
      expect(cchi.weights[type!]).toBe(Number(days));
    }
    updateHarmScheme(db, { ...cchi, weights: { ...cchi.weights, Drugs: 99 } });
    expect(installDefaults(db)).toEqual({ schemes: [], categorySets: [] });
    expect(getHarmScheme(db, 'cchi-category')!.weights['Drugs']).toBe(99);
    expect(listHarmSchemes(db).map((s) => s.id)).toEqual(['count', 'cchi-category']);
    expect(resolveHarmScheme(db, 'cchi')!.id).toBe('cchi-category');
    expect(resolveHarmScheme(db, 'ccHI, derived category averages')!.id).toBe('cchi-category');
  });

  it('creates, refuses duplicates and bad weights, deletes', async () => {
    const db = await newDb();
    const s = { id: 'css', label: 'ONS CSS', keyKind: 'offence_code' as const, description: '', source: 'user', weights: { '008/01': 1000 } };
    createHarmScheme(db, s);
    expect(getHarmScheme(db, 'css')!.weights).toEqual({ '8/1': 1000 });
    expect(() => createHarmScheme(db, s)).toThrow(/already exists/);
    expect(() => updateHarmScheme(db, { ...s, weights: { x: -1 } })).toThrow(/>= 0/);
    expect(getHarmScheme(db, 'css')!.weights).toEqual({ '8/1': 1000 }); // failed update rolled back
    deleteHarmScheme(db, 'css');
    expect(getHarmScheme(db, 'css')).toBeNull();
  });
});

describe('offence-code weight tables', () => {
  it('normalises codes', () => {
    expect(normaliseOffenceCode(' 008/01 ')).toBe('8/1');
    expect(normaliseOffenceCode('8/1')).toBe('8/1');
    expect(normaliseOffenceCode('105a')).toBe('105A');
    expect(normaliseOffenceCode('001/00')).toBe('1');
    expect(normaliseOffenceCode('034B')).toBe('34B');
  });

  it('parses CSV text, reporting bad rows instead of loading them as 0', () => {
    const t = parseWeightTable('\uFEFFHO Code,Description,CCHI days\n"001/00","Murder, any",5475\n8N,ABH,"1,095"\n92A,Supply,\n,blank,3\n8N,again,2\n');
    expect(t.codeColumn).toBe('HO Code');
    expect(t.weightColumn).toBe('CCHI days');
    expect(t.weights).toEqual({ '1': 5475, '8N': 1095 });
    expect(t.problems.map((p) => p.line)).toEqual([4, 5, 6]);
    expect(() => parseWeightTable('a,b\n1,2')).toThrow(/offence code column/);
  });

  it('reports unknown codes with counts, never weights them 0 silently', () => {
    const w = makeWeigher({ id: 'x', label: 'X', keyKind: 'offence_code', description: '', source: '', weights: { '8/1': 10 } });
    expect(w.weigh(null, '008/01')).toBe(10);
    expect(w.weigh(null, '99Z')).toBeNaN();
    expect(w.weigh(null, '99Z')).toBeNaN();
    expect(w.weigh(null, null)).toBeNaN();
    expect(w.report()).toEqual({ count: 3, keys: [{ key: '99Z', count: 2 }, { key: '(none)', count: 1 }] });
  });

  it('imports a table as a stored scheme, refusing empty tables and silent replacement', async () => {
    const db = await newDb();
    const r = importWeightTable(db, 'Offence code,Score\n008N,1000\n34B,x\n', { id: 'css', label: 'ONS CSS', source: 'ONS datatool 2023' });
    expect(r.problems).toHaveLength(1);
    expect(getHarmScheme(db, 'css')).toMatchObject({ keyKind: 'offence_code', source: 'ONS datatool 2023', weights: { '8N': 1000 } });
    expect(() => importWeightTable(db, 'code,weight\n1,2\n', { id: 'css', label: 'x', source: '' })).toThrow(/already exists/);
    expect(() => importWeightTable(db, 'code,weight\n1,\n', { id: 'e', label: 'x', source: '' })).toThrow(/No offence code/);
  });
});
