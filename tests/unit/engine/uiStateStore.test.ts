import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { createProjectDb, getMeta, openProjectDb } from '../../../shared/project/projectDb';
import { projectSummary } from '../../../shared/project/projectSummary';
import { isWriting, loadUiState, saveUiState, UI_STATE_MAX_CHARS, uiStateSlots } from '../../../renderer/engine/uiStateStore';

const hotspots = {
  params: { schemeId: 'cchi', categorySetId: 'serious-violence', from: '2014-01', to: '2014-04', cellSize: 150, shape: 'square', fdr: true, kde: true, studyArea: { kind: 'districts', codes: ['E08000035'] } },
  ran: true,
};

describe('tab settings kept in the project', () => {
  it('round-trips each tab through a saved file, beside the project name', async () => {
    const SQL = await loadSqlJs();
    const db = createProjectDb(SQL, 'Leeds night-time economy');
    expect(saveUiState(db, 'hotspots', hotspots)).toBe(true);
    expect(saveUiState(db, 'wards', { schemeId: 'count', from: '2014-02', baseFrom: '', baseTo: '' })).toBe(true);
    expect(saveUiState(db, 'patrols', { planId: 'p1' })).toBe(true);
    // What the file holds: plain JSON under ui:<tab>.
    expect(JSON.parse(getMeta(db, 'ui:hotspots')!)).toEqual(hotspots);

    const reopened = openProjectDb(SQL, db.export(), 'leeds.hotspot');
    expect(projectSummary(reopened).name).toBe('Leeds night-time economy');
    expect(loadUiState(reopened, 'hotspots')).toEqual(hotspots);
    expect(loadUiState(reopened, 'wards')).toEqual({ schemeId: 'count', from: '2014-02', baseFrom: '', baseTo: '' });
    expect(uiStateSlots(reopened)).toEqual(['hotspots', 'patrols', 'wards']);
  });

  it('a tab with nothing saved gets null; saving the same value again is not a change; null removes it', async () => {
    const db = createProjectDb(await loadSqlJs());
    expect(loadUiState(db, 'trends')).toBeNull();
    expect(saveUiState(db, 'trends', { months: 3 })).toBe(true);
    expect(saveUiState(db, 'trends', { months: 3 })).toBe(false);
    expect(saveUiState(db, 'trends', { months: 6 })).toBe(true);
    expect(loadUiState(db, 'trends')).toEqual({ months: 6 });
    expect(saveUiState(db, 'trends', null)).toBe(true);
    expect(saveUiState(db, 'trends', undefined)).toBe(false);
    expect(loadUiState(db, 'trends')).toBeNull();
  });

  it('refuses slot names that could reach other project_meta keys, oversized state and non-data', async () => {
    const db = createProjectDb(await loadSqlJs(), 'Keep me');
    for (const bad of ['', 'Name', '../name', 'a b', 'x'.repeat(41)]) {
      expect(() => saveUiState(db, bad, 1)).toThrow(/is not a settings slot name/);
    }
    expect(() => loadUiState(db, 'ui:name')).toThrow(/is not a settings slot name/);
    expect(() => saveUiState(db, 'wards', { big: 'x'.repeat(UI_STATE_MAX_CHARS) })).toThrow(/more than the 256 KB a tab may keep/);
    expect(() => saveUiState(db, 'wards', () => 1)).toThrow(/not data/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => saveUiState(db, 'wards', cyclic)).toThrow(/could not be saved/);
    expect(getMeta(db, 'name')).toBe('Keep me');
    expect(uiStateSlots(db)).toEqual([]);
  });

  it('an unreadable stored value gives null (the tab starts from its defaults) rather than an error', async () => {
    const db = createProjectDb(await loadSqlJs());
    db.run("INSERT INTO project_meta(key, value) VALUES ('ui:wards', '{broken')");
    expect(loadUiState(db, 'wards')).toBeNull();
  });

  it('knows when an import holds a transaction, so browser mode does not export in the middle of it', async () => {
    const db = createProjectDb(await loadSqlJs());
    expect(isWriting(db)).toBe(false);
    db.exec('BEGIN');
    saveUiState(db, 'wards', { schemeId: 'count' });
    expect(isWriting(db)).toBe(true);
    // The probe left the import's transaction alone: it still commits what it wrote.
    db.exec('COMMIT');
    expect(loadUiState(db, 'wards')).toEqual({ schemeId: 'count' });
    expect(isWriting(db)).toBe(false);
  });
});
