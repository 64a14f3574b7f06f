import { useEffect, useState } from 'react';
import type { CategorySet } from '../../../shared/harm/categorySets';
import { formatEditMark } from '../../../shared/harm/editMark';
import { POLICE_UK_CRIME_TYPES } from '../../../shared/import/crimeTypes';

interface Props {
  set: CategorySet;
  onSave(set: CategorySet): void;
  onDelete(id: string): void;
}

const splitList = (s: string) => s.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean);

/** A set matches a record by police.uk category, Home Office offence code or flag (any of them). */
export function CategorySetEditor({ set, onSave, onDelete }: Props) {
  // The stored name: the shown label carries the edit mark, which is not part of the name.
  const [label, setLabel] = useState(set.name ?? set.label);
  const [cats, setCats] = useState<string[]>(set.rule.categories ?? []);
  const [codes, setCodes] = useState((set.rule.offenceCodes ?? []).join(', '));
  const [flags, setFlags] = useState((set.rule.flags ?? []).join(', '));

  useEffect(() => {
    setLabel(set.name ?? set.label);
    setCats(set.rule.categories ?? []);
    setCodes((set.rule.offenceCodes ?? []).join(', '));
    setFlags((set.rule.flags ?? []).join(', '));
  }, [set]);

  return (
    <form
      className="set-editor"
      aria-label={`Category set ${set.label}`}
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ ...set, label: label.trim() || set.label, rule: { categories: cats, offenceCodes: splitList(codes), flags: splitList(flags) } });
      }}
    >
      <label><span>Name</span><input aria-label="Set name" value={label} onChange={(e) => setLabel(e.target.value)} /></label>
      <p className="hint">{set.description}</p>
      {set.edited && (
        <p className="hint" aria-label="Set provenance">
          {formatEditMark(set.edited).replace(/^e/, 'E')} from the set as first installed or created; outputs name it “{set.label}”.
          {set.baselineRule && (
            <button type="button" onClick={() => onSave({ ...set, label: label.trim() || set.label, rule: set.baselineRule! })}>Reset rules</button>
          )}
        </p>
      )}
      <fieldset>
        <legend>police.uk categories</legend>
        {POLICE_UK_CRIME_TYPES.map((t) => (
          <label key={t} className="check">
            <input type="checkbox" checked={cats.includes(t)} onChange={(e) => setCats(e.target.checked ? [...cats, t] : cats.filter((c) => c !== t))} />
            {t}
          </label>
        ))}
      </fieldset>
      <label><span>Home Office offence codes (comma separated)</span><textarea aria-label="Offence codes" rows={2} value={codes} onChange={(e) => setCodes(e.target.value)} /></label>
      <label><span>Flags (comma separated, from force extracts)</span><input aria-label="Flags" value={flags} onChange={(e) => setFlags(e.target.value)} /></label>
      <div className="dialog-buttons">
        <button type="button" onClick={() => onDelete(set.id)}>Delete set</button>
        <button type="submit" className="primary">Save set</button>
      </div>
    </form>
  );
}
