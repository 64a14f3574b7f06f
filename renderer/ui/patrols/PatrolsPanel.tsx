import { useCallback, useEffect, useRef, useState } from 'react';
import type { CategorySet } from '../../../shared/harm/categorySets';
import type { HarmSchemeSummary } from '../../../shared/harm/harmSchemes';
import type { PlanSummary } from '../../../shared/patrols/planStore';
import type { EngineClient } from '../../engine/engineClient';
import type { PlanView } from '../../engine/patrolsApi';
import { focusPlanHotspot, onPlanPick, showPlan, type PlanPick } from '../../map/planLayer';
import { DosageDashboard } from './DosageDashboard';
import { DosageImport } from './DosageImport';
import { EvaluationSection } from './EvaluationSection';
import { PlanBuilder } from './PlanBuilder';
import { PlanExports } from './PlanExports';
import { PlanResults } from './PlanResults';
import { useBusyJob } from '../useBusyJob';
import { BusyStatus } from '../BusyStatus';
import { defaultForm, errorText, formOfPlan, requestOf, type PlanForm } from './planForm';

interface Props {
  engine: EngineClient;
  /** Changes when the project's data changes (open, import, save state). */
  revision: number;
  /** The tab is on screen: the plan is drawn on the map only then. */
  active: boolean;
  /** The project changed in the worker (plan saved, dosage imported): refresh the dirty flag. */
  onChanged(): void;
  onExport(name: string, bytes: Uint8Array, mime: string): void;
}

type Section = 'plan' | 'exports' | 'dosage' | 'dashboard' | 'evaluation';
const SECTIONS: [Section, string][] = [['plan', 'Plan'], ['exports', 'Exports'], ['dosage', 'Dosage'], ['dashboard', 'Dashboard'], ['evaluation', 'Evaluation']];

/**
 * The Patrols tab: turn hotspots into a patrol plan, export it for officers, import what was
 * delivered (GPS fixes, patrol records), and report it: dashboard, quarterly return, evaluation.
 */
export function PatrolsPanel({ engine, revision, active, onChanged, onExport }: Props) {
  const [schemes, setSchemes] = useState<HarmSchemeSummary[]>([]);
  const [sets, setSets] = useState<CategorySet[]>([]);
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [months, setMonths] = useState<{ first: string | null; last: string | null }>({ first: null, last: null });
  const [form, setForm] = useState<PlanForm | null>(null);
  const [view, setView] = useState<PlanView | null>(null);
  const [section, setSection] = useState<Section>('plan');
  const job = useBusyJob(null, engine);
  const { busy, error, setError, run } = job;
  const [picking, setPicking] = useState(false);
  const [chosenPlan, setChosenPlan] = useState('');
  const [dosageRevision, setDosageRevision] = useState(0);
  const fitNext = useRef(false);
  const resultsRef = useRef<HTMLDivElement>(null);
  const scrollNext = useRef(false);

  useEffect(() => {
    if (revision === 0) return;
    Promise.all([engine.harmSchemes(), engine.categorySets(), engine.patrolSetup()]).then(
      ([s, c, setup]) => {
        setSchemes(s);
        setSets(c);
        setPlans(setup.plans);
        setMonths({ first: setup.firstMonth, last: setup.lastMonth });
        setView(setup.current);
        setForm((f) => (setup.current ? f ?? formOfPlan(setup.current.plan) : f && f.id === undefined ? f : defaultForm(setup.choice, setup.dosage, setup.lastMonth)));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [engine, revision, setError]);


  const build = useCallback(
    (f: PlanForm, fit: boolean) =>
      run('Choosing hotspots and scheduling visits…', async ({ jobId, onProgress }) => {
        const v = await engine.buildPatrolPlan(requestOf(f), jobId, onProgress);
        fitNext.current = fit;
        scrollNext.current = fit;
        setView(v);
        setForm({ ...f, id: v.plan.id });
      }),
    [engine, run],
  );

  useEffect(() => {
    if (!scrollNext.current || !view) return;
    scrollNext.current = false;
    resultsRef.current?.scrollIntoView({ block: 'start' });
  }, [view]);

  // The plan on the map while the tab is open; zoom to it after a fresh build or open.
  useEffect(() => {
    if (!active || !view) {
      showPlan(null);
      return;
    }
    showPlan({ hotspots: view.map.hotspots, candidates: view.map.candidates, legend: view.map.candidateLegend }, fitNext.current);
    fitNext.current = false;
  }, [active, view]);

  const pick = useCallback(
    async (p: PlanPick) => {
      if (!form || !view) return;
      const c = form.choice;
      // At county zoom a 150 m cell is a pixel or two: work out the cell under the click too.
      const cellHere = c.unit === 'cell' ? p.cellId ?? (await engine.cellAt(p.lon, p.lat, view.plan.cellSize, view.plan.cellShape)) : null;
      const hs = p.hotspot
        ? view.plan.hotspots.find((h) => h.id === p.hotspot!.id)
        : cellHere ? view.plan.hotspots.find((h) => h.cellIds.includes(cellHere)) : undefined;
      let id: string;
      if (hs) id = hs.cellIds.length > 1 && cellHere ? cellHere : hs.cellIds.length === 1 && c.unit === 'cell' ? hs.cellIds[0]! : hs.id;
      else if (cellHere) id = cellHere;
      else {
        setError('With LSOA units, hand-picking removes a hotspot (click it); add LSOAs by raising the number of hotspots.');
        return;
      }
      const without = (l: string[]) => l.filter((x) => x !== id);
      const choice = hs
        ? c.handAdded.includes(id) ? { ...c, handAdded: without(c.handAdded) } : { ...c, handRemoved: [...without(c.handRemoved), id] }
        : c.handRemoved.includes(id) ? { ...c, handRemoved: without(c.handRemoved) } : { ...c, handAdded: [...without(c.handAdded), id] };
      await build({ ...form, choice }, false);
    },
    [engine, form, view, build, setError],
  );

  useEffect(() => {
    onPlanPick(active && picking ? (p) => void pick(p) : null);
    return () => onPlanPick(null);
  }, [active, picking, pick]);

  const planReady = view !== null;
  const saved = view?.saved ?? false;
  const needSaved = (
    <div className="need-save">
      <p className="hint">Dosage, the dashboard and the evaluation read the plan stored in the project.</p>
      {view && <button type="button" className="primary" disabled={busy !== null} onClick={() => void save()}>Save plan to project</button>}
    </div>
  );

  async function save() {
    if (!view) return;
    // Dosage already imported for this plan id was geofenced to the hotspots stored before.
    const earlier = plans.some((p) => p.id === view.plan.id) ? await engine.dosageImports(view.plan.id).catch(() => []) : [];
    if (earlier.length > 0 && !window.confirm(
      `This replaces the saved plan "${view.plan.name}". Its ${earlier.length} dosage ${earlier.length === 1 ? 'import was' : 'imports were'} measured against the hotspots saved before: ` +
      'remove and import them again under Dosage so the figures match the new hotspots. Replace the plan?',
    )) return;
    await run('Saving the plan…', async () => {
      setView(await engine.savePatrolPlan());
      setPlans(await engine.listPatrolPlans());
      onChanged();
    }, { cancellable: false });
  }

  return (
    <div className="patrols-panel">
      <div className="plan-bar" role="group" aria-label="Saved plans">
        <select aria-label="Saved plans" value={chosenPlan} onChange={(e) => setChosenPlan(e.target.value)}>
          <option value="">{plans.length ? `Saved plans (${plans.length})…` : 'No saved plans in this project'}</option>
          {plans.map((p) => <option key={p.id} value={p.id}>{p.name} · {p.from} to {p.to} · {p.hotspots} hotspots</option>)}
        </select>
        <button
          type="button"
          disabled={!chosenPlan || busy !== null}
          onClick={() =>
            void run('Opening the plan…', async ({ jobId, onProgress }) => {
              const v = await engine.openPatrolPlan(chosenPlan, jobId, onProgress);
              fitNext.current = true;
              setView(v);
              setForm(formOfPlan(v.plan));
            })
          }
        >
          Open
        </button>
        <button
          type="button"
          disabled={!chosenPlan || busy !== null}
          onClick={() => {
            const p = plans.find((x) => x.id === chosenPlan);
            if (!p || !window.confirm(`Delete the plan "${p.name}" from the project? Its dosage imports stay until removed.`)) return;
            void run('Deleting…', async () => {
              await engine.deletePatrolPlan(p.id);
              setPlans(await engine.listPatrolPlans());
              setChosenPlan('');
              onChanged();
            }, { cancellable: false });
          }}
        >
          Delete
        </button>
        <button
          type="button"
          disabled={busy !== null}
          onClick={() =>
            void engine.patrolSetup().then((s) => {
              setForm(defaultForm(s.choice, s.dosage, s.lastMonth));
              setSection('plan');
            })
          }
        >
          New plan
        </button>
      </div>

      <div className="section-tabs" role="tablist" aria-label="Patrol sections">
        {SECTIONS.map(([id, label]) => (
          <button
            key={id}
            type="button"
            role="tab"
            id={`patrols-${id}`}
            aria-selected={section === id}
            disabled={id !== 'plan' && !planReady}
            onClick={() => setSection(id)}
          >
            {label}
          </button>
        ))}
      </div>
      <BusyStatus job={job} label="Plan progress" />
      {error && <p role="alert" className="error">{error}</p>}

      {section === 'plan' && form && (
        <>
          <PlanBuilder
            form={form}
            schemes={schemes}
            sets={sets}
            firstMonth={months.first}
            lastMonth={months.last}
            busy={busy !== null}
            onChange={setForm}
            onBuild={() => void build(form, true)}
          />
          <div ref={resultsRef} />
          {view && (
            <PlanResults
              view={view}
              busy={busy !== null}
              picking={picking}
              onPicking={setPicking}
              onClearHand={() => void build({ ...form, choice: { ...form.choice, handAdded: [], handRemoved: [] } }, false)}
              onSave={() => void save()}
              onFocus={(h) => focusPlanHotspot(h.centre.lon, h.centre.lat)}
              onUseWindows={() => {
                if (!view.suggestion) return;
                void build({ ...form, dosage: { ...form.dosage, windows: view.suggestion.windows } }, false);
              }}
            />
          )}
        </>
      )}
      {section === 'exports' && view && <PlanExports engine={engine} view={view} onExport={onExport} />}
      {section === 'dosage' && view && (saved ? (
        <DosageImport engine={engine} planId={view.plan.id} onChanged={() => { setDosageRevision((r) => r + 1); onChanged(); }} />
      ) : needSaved)}
      {section === 'dashboard' && view && (saved ? <DosageDashboard engine={engine} plan={view.plan} revision={dosageRevision} onExport={onExport} /> : needSaved)}
      {section === 'evaluation' && view && (saved ? <EvaluationSection engine={engine} plan={view.plan} firstMonth={months.first} lastMonth={months.last} onExport={onExport} /> : needSaved)}
    </div>
  );
}
