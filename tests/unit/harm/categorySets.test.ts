import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { createProjectDb } from '../../../shared/project/projectDb';
import {
  deleteCategorySet, getCategorySet, listCategorySets, makeMatcher, resolveCategorySet, saveCategorySet,
} from '../../../shared/harm/categorySets';
import { installDefaults } from '../../../shared/harm/installDefaults';

describe('category sets', () => {
  it('installs Serious violence and SOC-related defaults that match police.uk and offence codes', async () => {
    const db = createProjectDb(await loadSqlJs(), 't');
    installDefaults(db);
    expect(listCategorySets(db).map((s) => s.label)).toEqual(['Knife-enabled (flag)', 'SOC-related', 'Serious violence']);
    const sv = makeMatcher(resolveCategorySet(db, 'serious violence')!.rule);
    expect(sv('Violence and sexual offences', null, null)).toBe(true);
    expect(sv('Robbery', null, null)).toBe(true);
    expect(sv('Burglary', null, null)).toBe(false);
    expect(sv(null, '034B', null)).toBe(true);
    expect(sv(null, '105A', null)).toBe(false); // common assault without injury is not serious violence
    const soc = makeMatcher(getCategorySet(db, 'soc-related')!.rule);
    expect(soc('Drugs', null, null)).toBe(true);
    expect(soc(null, '92A', null)).toBe(true);
    expect(soc('Shoplifting', null, null)).toBe(false);
  });

  it('supports user sets by flag, in either JSON shape', async () => {
    const db = createProjectDb(await loadSqlJs(), 't');
    saveCategorySet(db, { id: 'knife', label: 'Knife', description: '', rule: { flags: ['Knife-Enabled'] } });
    const m = makeMatcher(getCategorySet(db, 'knife')!.rule);
    expect(m('Other', null, '["knife-enabled","dv"]')).toBe(true);
    expect(m('Other', null, '{"knife-enabled":true,"dv":false}')).toBe(true);
    expect(m('Other', null, '{"knife-enabled":false}')).toBe(false);
    expect(m('Other', null, null)).toBe(false);
    expect(() => saveCategorySet(db, { id: 'e', label: 'Empty', description: '', rule: {} })).toThrow(/lists no/);
    deleteCategorySet(db, 'knife');
    expect(getCategorySet(db, 'knife')).toBeNull();
  });
});
