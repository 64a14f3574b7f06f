import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { getCategorySet, listCategorySets, resetCategorySet, resolveCategorySet, saveCategorySet } from '../../../shared/harm/categorySets';
import { schemeName, schemeWeightsLine, selectCrimes } from '../../../shared/harm/crimeSelection';
import { CCHI_WEST_YORKSHIRE_BY_CATEGORY } from '../../../shared/harm/defaultSchemes';
import { formatEditMark, stripEditMark, weightsHash, weightsTable } from '../../../shared/harm/editMark';
import {
  createHarmScheme, deleteHarmScheme, getHarmScheme, listHarmSchemes, resetHarmScheme, resolveHarmScheme, saveHarmScheme,
} from '../../../shared/harm/harmSchemes';
import { installDefaults } from '../../../shared/harm/installDefaults';
import { runHotspotAnalysis } from '../../../shared/hotspots/runHotspotAnalysis';
import { createProjectDb, getMeta } from '../../../shared/project/projectDb';
import { makeDb } from '../hotspots/testDb';

const newDb = async () => {
  const db = createProjectDb(await loadSqlJs(), 't');
  installDefaults(db);
  return db;
};
const NOV30 = new Date('2026-11-30T09:00:00Z');
const DEC02 = new Date('2026-12-02T23:59:00Z');

describe('weight table hash', () => {
  it('is FNV-1a 32 over sorted key=weight lines (golden values computed independently in Python)', () => {
    expect(weightsHash({ ...CCHI_WEST_YORKSHIRE_BY_CATEGORY })).toBe('ee0195f0');
    expect(weightsHash({ ...CCHI_WEST_YORKSHIRE_BY_CATEGORY, Drugs: 4 })).toBe('e4e60d59');
    // Order of insertion does not matter; the table is sorted by key.
    expect(weightsHash({ b: 2, a: 1 })).toBe(weightsHash({ a: 1, b: 2 }));
    expect(weightsHash({ a: 1, b: 2 })).not.toBe(weightsHash({ a: 1, b: 2.0001 }));
    expect(weightsTable({ b: 2, a: 1.5 })).toBe('a=1.5; b=2');
  });
});

describe('edited harm schemes', () => {
  it('labels an edited CCHI scheme with the date and number of changed weights, everywhere', async () => {
    const db = await newDb();
    const cchi = getHarmScheme(db, 'cchi-category')!;
    expect(cchi.edited).toBeNull();
    expect(schemeName(cchi)).toBe('CCHI, derived category averages (weights by police.uk category; table #ee0195f0)');

    // The editor saves the scheme object it was given, label and all.
    saveHarmScheme(db, { ...cchi, weights: { ...cchi.weights, Drugs: 4, Robbery: 400, Shoplifting: 1 } }, NOV30);
    const edited = getHarmScheme(db, 'cchi-category')!;
    expect(edited.label).toBe('CCHI, derived category averages (edited 30 Nov 2026, 2 changes)');
    expect(edited.name).toBe('CCHI, derived category averages');
    expect(edited.edited).toEqual({ on: '2026-11-30', changes: 2 });
    expect(listHarmSchemes(db).find((s) => s.id === 'cchi-category')!.label).toBe(edited.label);
    expect(schemeName(edited)).toBe(
      `CCHI, derived category averages (edited 30 Nov 2026, 2 changes) (weights by police.uk category; table #${weightsHash(edited.weights)})`,
    );
    expect(schemeName(edited)).not.toContain('#ee0195f0');

    // Saving the shown label back does not store the mark in the name.
    saveHarmScheme(db, edited, DEC02);
    const again = getHarmScheme(db, 'cchi-category')!;
    expect(again.name).toBe('CCHI, derived category averages');
    // Re-saving the same weights is not an edit: the date stays.
    expect(again.label).toBe('CCHI, derived category averages (edited 30 Nov 2026, 2 changes)');
    expect(resolveHarmScheme(db, again.label)!.id).toBe('cchi-category');

    // A further change (a removed weight counts too) moves the date and the count.
    const { ['Bicycle theft']: _drop, ...rest } = again.weights;
    saveHarmScheme(db, { ...again, weights: rest }, DEC02);
    expect(getHarmScheme(db, 'cchi-category')!.label).toBe('CCHI, derived category averages (edited 2 Dec 2026, 3 changes)');

    // Provenance lives in project_meta as JSON keyed by scheme id.
    expect(JSON.parse(getMeta(db, 'harm_edit:scheme:cchi-category')!)).toEqual({ edited: { on: '2026-12-02', changes: 3 } });
  });

  it('marks a default edited before provenance was kept (no record), with the date unknown', async () => {
    const db = await newDb();
    db.run(`UPDATE harm_weights SET weight = 4 WHERE scheme_id = 'cchi-category' AND key = 'Drugs'`);
    db.run(`UPDATE category_sets SET rule = '{"categories":["Drugs"]}' WHERE id = 'soc-related'`);
    expect(getHarmScheme(db, 'cchi-category')!.label).toBe('CCHI, derived category averages (edited, 1 change)');
    expect(listHarmSchemes(db).find((s) => s.id === 'cchi-category')!.label).toBe('CCHI, derived category averages (edited, 1 change)');
    // SOC-related by default: 2 categories, 7 offence codes, 6 flags; now Drugs alone: 14 removed.
    expect(getCategorySet(db, 'soc-related')!.label).toBe('SOC-related (edited, 14 changes)');
    expect(resolveHarmScheme(db, 'CCHI, derived category averages (edited, 1 change)')!.id).toBe('cchi-category');
    // The next save dates it.
    saveHarmScheme(db, getHarmScheme(db, 'cchi-category')!, NOV30);
    expect(getHarmScheme(db, 'cchi-category')!.label).toBe('CCHI, derived category averages (edited 30 Nov 2026, 1 change)');
  });

  it('says 1 change in the singular and strips only its own mark', () => {
    expect(formatEditMark({ on: '2026-01-05', changes: 1 })).toBe('edited 5 Jan 2026, 1 change');
    expect(stripEditMark('My scheme (edited 5 Jan 2026, 1 change)')).toBe('My scheme');
    expect(stripEditMark('My scheme (edited, 2 changes)')).toBe('My scheme');
    expect(stripEditMark('My scheme (edited by Sam)')).toBe('My scheme (edited by Sam)');
    expect(formatEditMark({ on: '', changes: 2 })).toBe('edited, 2 changes');
  });

  it('drops the mark on reset, and when the weights are put back by hand', async () => {
    const db = await newDb();
    const cchi = getHarmScheme(db, 'cchi-category')!;
    saveHarmScheme(db, { ...cchi, weights: { ...cchi.weights, Drugs: 4 } }, NOV30);
    const reset = resetHarmScheme(db, 'cchi-category', DEC02);
    expect(reset.label).toBe('CCHI, derived category averages');
    expect(reset.edited).toBeNull();
    expect(reset.weights).toEqual({ ...CCHI_WEST_YORKSHIRE_BY_CATEGORY });
    expect(reset.weightsHash).toBe('ee0195f0');
    expect(getMeta(db, 'harm_edit:scheme:cchi-category')).toBeUndefined();

    saveHarmScheme(db, { ...cchi, weights: { ...cchi.weights, Drugs: 4 } }, NOV30);
    saveHarmScheme(db, { ...cchi, weights: { ...cchi.weights, Drugs: 3.46 } }, DEC02);
    expect(getHarmScheme(db, 'cchi-category')!.label).toBe('CCHI, derived category averages');
  });

  it('compares a user scheme with the weights it was created with', async () => {
    const db = await newDb();
    createHarmScheme(db, { id: 'css', label: 'ONS CSS', keyKind: 'offence_code', description: '', source: 'user', weights: { '008/01': 1000, '34B': 400 } }, NOV30);
    expect(getHarmScheme(db, 'css')!.label).toBe('ONS CSS');
    const s = getHarmScheme(db, 'css')!;
    saveHarmScheme(db, { ...s, weights: { '8/1': 1000, '34B': 450, '105A': 3 } }, DEC02);
    expect(getHarmScheme(db, 'css')!.label).toBe('ONS CSS (edited 2 Dec 2026, 2 changes)');
    expect(resetHarmScheme(db, 'css').weights).toEqual({ '8/1': 1000, '34B': 400 });
    expect(getHarmScheme(db, 'css')!.label).toBe('ONS CSS');
    deleteHarmScheme(db, 'css');
    expect(getMeta(db, 'harm_edit:scheme:css')).toBeUndefined();
  });

  it('takes a table loaded from a file (a new source) as the new baseline of a user scheme, never of a default', async () => {
    const db = await newDb();
    createHarmScheme(db, { id: 'u', label: 'Force CCHI', keyKind: 'offence_code', description: '', source: 'user', weights: {} }, NOV30);
    const u = getHarmScheme(db, 'u')!;
    saveHarmScheme(db, { ...u, weights: { '1': 5475, '34B': 365 }, source: 'loaded from CSV (2 rows)' }, NOV30);
    expect(getHarmScheme(db, 'u')!.label).toBe('Force CCHI');
    saveHarmScheme(db, { ...getHarmScheme(db, 'u')!, weights: { '1': 5475, '34B': 400 } }, DEC02);
    expect(getHarmScheme(db, 'u')!.label).toBe('Force CCHI (edited 2 Dec 2026, 1 change)');
    expect(resetHarmScheme(db, 'u').weights).toEqual({ '1': 5475, '34B': 365 });

    const cchi = getHarmScheme(db, 'cchi-category')!;
    saveHarmScheme(db, { ...cchi, weights: { ...cchi.weights, Drugs: 4 }, source: 'my own table' }, NOV30);
    expect(getHarmScheme(db, 'cchi-category')!.label).toBe('CCHI, derived category averages (edited 30 Nov 2026, 1 change)');
  });
});

describe('edited category sets', () => {
  it('counts added and removed rule entries, labels the set, resets to the installed default', async () => {
    const db = await newDb();
    const sv = getCategorySet(db, 'serious-violence')!;
    expect(sv.label).toBe('Serious violence');
    saveCategorySet(db, { ...sv, rule: { ...sv.rule, categories: sv.rule.categories!.filter((c) => c !== 'Robbery'), flags: [...(sv.rule.flags ?? []), 'Knife Enabled', 'Gang Related'] } }, NOV30);
    const edited = getCategorySet(db, 'serious-violence')!;
    expect(edited.label).toBe('Serious violence (edited 30 Nov 2026, 2 changes)');
    expect(listCategorySets(db).find((s) => s.id === 'serious-violence')!.label).toBe(edited.label);
    expect(resolveCategorySet(db, 'serious violence')!.id).toBe('serious-violence');
    // 'Knife Enabled' is the default's knife-enabled flag respelt: no change. A renamed set keeps its mark; the mark is never stored in the name.
    saveCategorySet(db, { ...edited, label: 'SV (broad) (edited 30 Nov 2026, 2 changes)' }, DEC02);
    expect(getCategorySet(db, 'serious-violence')!.label).toBe('SV (broad) (edited 30 Nov 2026, 2 changes)');
    expect(getCategorySet(db, 'serious-violence')!.name).toBe('SV (broad)');

    const reset = resetCategorySet(db, 'serious-violence');
    expect(reset.label).toBe('SV (broad)');
    expect(reset.rule.categories).toEqual(['Violence and sexual offences', 'Robbery', 'Possession of weapons']);
    expect(reset.edited).toBeNull();
  });

  it('names the edited set in the selection notes', async () => {
    const db = await makeDb(
      [{ code: 'A', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421500, n1: 436500 }],
      [{ month: '2024-01', type: 'Drugs', e: 420700, n: 435700, ward: 'A' }],
    );
    installDefaults(db);
    const soc = getCategorySet(db, 'soc-related')!;
    saveCategorySet(db, { ...soc, rule: { ...soc.rule, categories: ['Drugs'] } }, NOV30);
    const sel = selectCrimes(db, { categorySetId: 'soc-related', schemeId: 'cchi-category' });
    expect(sel.notes.join('\n')).toMatch(/category set "SOC-related \(edited 30 Nov 2026, 1 change\)"/);
  });
});

describe('outputs state the exact weights', () => {
  it('puts the edit mark and hash in the scheme line and the full table in the method notes', async () => {
    const db = await makeDb(
      [{ code: 'A', name: 'Alpha', district: 'North', e0: 420000, n0: 435000, e1: 421500, n1: 436500 }],
      Array.from({ length: 12 }, (_, k) => ({ month: '2024-01', type: k % 3 ? 'Robbery' : 'Drugs', e: 420700 + (k % 2) * 150, n: 435700, ward: 'A' })),
    );
    installDefaults(db);
    const cchi = getHarmScheme(db, 'cchi-category')!;
    saveHarmScheme(db, { ...cchi, weights: { ...cchi.weights, Drugs: 4 } }, NOV30);
    const r = runHotspotAnalysis(db, { schemeId: 'cchi-category' });
    expect(r.methodLines[0]).toBe('scheme: CCHI, derived category averages (edited 30 Nov 2026, 1 change) (weights by police.uk category; table #e4e60d59)');
    const table = r.methodLines.find((l) => l.includes('weights: '))!;
    expect(table).toContain('Drugs=4; ');
    expect(table).toContain('Robbery=365; ');
    expect(table).toBe(schemeWeightsLine(getHarmScheme(db, 'cchi-category')!));
    expect(table.split('; ').length).toBe(14);
    // Count has no table to state.
    expect(runHotspotAnalysis(db, {}).methodLines.some((l) => l.includes('weights: '))).toBe(false);
  });
});
