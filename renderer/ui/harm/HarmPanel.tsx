import { useCallback, useEffect, useState } from 'react';
import type { CategorySet } from '../../../shared/harm/categorySets';
import { isInstalledScheme } from '../../../shared/harm/defaultSchemes';
import type { HarmKeyKind, HarmSchemeSummary } from '../../../shared/harm/harmSchemes';
import { POLICE_UK_CRIME_TYPES } from '../../../shared/import/crimeTypes';
import type { EngineClient } from '../../engine/engineClient';
import { CategorySetEditor } from './CategorySetEditor';
import { SchemeEditor } from './SchemeEditor';
import { guard } from '../appEvents';

interface Props {
  engine: EngineClient;
  revision: number;
  onChanged(): void;
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'scheme';

/** Harm schemes and category sets, stored in the project and used by every table and map. */
export function HarmPanel({ engine, revision, onChanged }: Props) {
  const [schemes, setSchemes] = useState<HarmSchemeSummary[]>([]);
  const [sets, setSets] = useState<CategorySet[]>([]);
  const [schemeId, setSchemeId] = useState('cchi-category');
  const [setId, setSetId] = useState<string | null>(null);
  /** A new set lives here until it is saved: an empty set is not a valid set. */
  const [draftSet, setDraftSet] = useState<CategorySet | null>(null);
  const [setError, setSetError] = useState<string | null>(null);
  const [newLabel, setNewLabel] = useState('');
  const [newKind, setNewKind] = useState<HarmKeyKind>('offence_code');

  const load = useCallback(async () => {
    const [s, c] = await Promise.all([engine.harmSchemes(), engine.categorySets()]);
    setSchemes(s);
    setSets(c);
  }, [engine]);

  useEffect(() => {
    if (revision > 0) guard(load(), 'The harm schemes could not be listed');
  }, [load, revision]);

  const changed = async () => {
    await load();
    onChanged();
  };

  const createScheme = async () => {
    const label = newLabel.trim();
    if (!label) return;
    const id = `${slug(label)}-${Date.now().toString(36)}`;
    const weights = newKind === 'category' ? Object.fromEntries(POLICE_UK_CRIME_TYPES.map((t) => [t, 1])) : {};
    await engine.saveHarmScheme({ id, label, keyKind: newKind, description: newKind === 'category' ? 'User weights per police.uk category.' : 'User table of Home Office offence code -> weight.', source: 'user', weights });
    setNewLabel('');
    setSchemeId(id);
    await changed();
  };

  const current = schemes.find((s) => s.id === schemeId);
  const currentSet = draftSet ?? sets.find((s) => s.id === setId) ?? null;
  const saveSet = (s: CategorySet) =>
    void engine.saveCategorySet(s).then(
      async () => {
        setSetError(null);
        setDraftSet(null);
        setSetId(s.id);
        await changed();
      },
      (e: Error) => setSetError(e.message),
    );

  return (
    <div className="side-scroll harm-panel">
      <section aria-label="Harm schemes" className="panel">
        <h2>Harm schemes</h2>
        <label>
          <span>Scheme </span>
          <select aria-label="Scheme to edit" value={schemeId} onChange={(e) => setSchemeId(e.target.value)}>
            {schemes.map((s) => <option key={s.id} value={s.id}>{s.label} ({s.weightCount} weights)</option>)}
          </select>
        </label>
        {current && <SchemeEditor engine={engine} schemeId={current.id} onChanged={() => guard(changed())} />}
        {current && !isInstalledScheme(current.id) && (
          <button type="button" onClick={() => guard(engine.deleteHarmScheme(current.id).then(() => { setSchemeId('count'); return changed(); }), 'The scheme could not be deleted')}>Delete scheme</button>
        )}
        <div className="new-row">
          <input aria-label="New scheme name" placeholder="New scheme, e.g. ONS Crime Severity Score" value={newLabel} onChange={(e) => setNewLabel(e.target.value)} />
          <select aria-label="New scheme keyed by" value={newKind} onChange={(e) => setNewKind(e.target.value as HarmKeyKind)}>
            <option value="offence_code">by offence code</option>
            <option value="category">by police.uk category</option>
          </select>
          <button type="button" onClick={() => guard(createScheme(), 'The scheme could not be added')} disabled={!newLabel.trim()}>Add scheme</button>
        </div>
      </section>
      <section aria-label="Category sets" className="panel">
        <h2>Category sets</h2>
        <ul className="set-list">
          {sets.map((s) => (
            <li key={s.id}>
              <button type="button" aria-pressed={!draftSet && s.id === setId} onClick={() => { setDraftSet(null); setSetError(null); setSetId(s.id); }}>{s.label}</button>
            </li>
          ))}
          <li>
            <button type="button" onClick={() => setDraftSet({ id: `set-${Date.now().toString(36)}`, label: 'New set', description: 'User-defined set.', rule: {} })}>New set</button>
          </li>
        </ul>
        {setError && <p role="alert" className="error">{setError}</p>}
        {currentSet && (
          <CategorySetEditor
            set={currentSet}
            onSave={saveSet}
            onDelete={(id) => {
              if (draftSet) return setDraftSet(null);
              guard(engine.deleteCategorySet(id).then(() => { setSetId(null); return changed(); }), 'The set could not be deleted');
            }}
          />
        )}
      </section>
    </div>
  );
}
