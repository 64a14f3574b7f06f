import { useEffect, useState } from 'react';
import { formatEditMark } from '../../../shared/harm/editMark';
import { isInstalledScheme } from '../../../shared/harm/defaultSchemes';
import type { HarmScheme } from '../../../shared/harm/harmSchemes';
import type { WeightTableParse } from '../../../shared/harm/offenceCodes';
import type { EngineClient } from '../../engine/engineClient';
import { guard } from '../appEvents';

interface Props {
  engine: EngineClient;
  schemeId: string;
  onChanged(): void;
}

/** Shows and edits one scheme's weights; offence-code schemes can be replaced from a CSV. */
export function SchemeEditor({ engine, schemeId, onChanged }: Props) {
  const [scheme, setScheme] = useState<HarmScheme | null>(null);
  const [draft, setDraft] = useState<Record<string, string>>({});
  const [parse, setParse] = useState<WeightTableParse | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    guard(
      engine.harmScheme(schemeId).then((s) => {
        setScheme(s);
        setDraft(Object.fromEntries(Object.entries(s?.weights ?? {}).map(([k, v]) => [k, String(v)])));
        setParse(null);
      }),
      'The scheme could not be read',
    );
  }, [engine, schemeId, version]);

  if (!scheme) return null;
  if (scheme.keyKind === 'count') return <p className="hint">{scheme.description} Nothing to edit.</p>;

  const invalid = Object.entries(draft).filter(([, v]) => !(Number(v) >= 0) || v.trim() === '');
  const save = async (weights: Record<string, number>, source = scheme.source, done = `Saved ${Object.keys(weights).length} weights.`) => {
    try {
      await engine.saveHarmScheme({ ...scheme, weights, source });
      setMessage(done);
    } catch (e) {
      setMessage((e as Error).message);
    }
    setVersion((v) => v + 1);
    onChanged();
  };
  const installed = isInstalledScheme(scheme.id);
  const baselineName = installed ? 'the installed default weights' : 'the weights it was created or last loaded with';

  return (
    <section aria-label="Scheme weights" className="scheme-editor">
      <p className="hint">{scheme.description}</p>
      {scheme.source && <p className="hint">Source: {scheme.source}</p>}
      <p className="hint" aria-label="Weights provenance">
        Weight table #{scheme.weightsHash}: outputs name the scheme with this code, so two maps with the same code used the same weights.
        {scheme.edited ? ` ${formatEditMark(scheme.edited).replace(/^e/, 'E')} from ${baselineName}.` : ''}
      </p>
      {scheme.edited && scheme.baselineWeights && (
        <button type="button" onClick={() => void save(scheme.baselineWeights!, scheme.source, 'Weights reset: the scheme is no longer marked as edited.')}>
          Reset to {installed ? 'default' : 'original'} weights
        </button>
      )}
      {scheme.keyKind === 'offence_code' && (
        <label className="file-pick">
          <span>Load weights CSV (offence code, weight)</span>
          <input type="file" accept=".csv,text/csv" aria-label="Weights CSV" onChange={(e) => {
            const f = e.target.files?.[0];
            if (f) void engine.parseWeightFile(f).then(setParse, (err: Error) => setMessage(err.message));
          }} />
        </label>
      )}
      {parse && (
        <div role="status" className="parse-result">
          <p>{parse.rowsRead} rows read from columns “{parse.codeColumn}” and “{parse.weightColumn}”: {Object.keys(parse.weights).length} weights, {parse.problems.length} problems (not loaded).</p>
          {parse.problems.length > 0 && <ul className="warnings">{parse.problems.slice(0, 20).map((p) => <li key={p.line}>line {p.line}: {p.reason}</li>)}</ul>}
          <button type="button" className="primary" onClick={() => guard(save(parse.weights, `loaded from CSV (${parse.rowsRead} rows)`), 'The weights could not be saved')}>Use these weights</button>
        </div>
      )}
      <div className="table-scroll">
        <table aria-label="Weights">
          <thead><tr><th scope="col">{scheme.keyKind === 'category' ? 'police.uk category' : 'Offence code'}</th><th scope="col" className="num">Weight</th></tr></thead>
          <tbody>
            {Object.keys(draft).sort().map((k) => (
              <tr key={k}>
                <td>{k}</td>
                <td className="num">
                  <input type="number" min={0} step="any" aria-label={`Weight for ${k}`} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {invalid.length > 0 && <p className="error">Weights must be numbers of 0 or more: {invalid.map(([k]) => k).join(', ')}.</p>}
      <button type="button" disabled={invalid.length > 0} onClick={() => guard(save(Object.fromEntries(Object.entries(draft).map(([k, v]) => [k, Number(v)]))), 'The weights could not be saved')}>Save weights</button>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
