import type { ProjectDb as Database } from '../repository/db';
import { inSavepoint } from '../repository/db';
import { deleteCategorySetRow, readCategorySetRows, readCategorySetRule, writeCategorySet } from '../repository/categorySets';
import { DEFAULT_CATEGORY_SETS } from './defaultCategorySets';
import { markedLabel, nextEditMark, stripEditMark, type EditMark } from './editMark';
import { deleteEditRecord, readEditRecord, readEditRecords, writeEditRecord, type EditRecord } from './editProvenance';
import { normaliseOffenceCode } from './offenceCodes';

/** A record belongs to the set when it matches ANY listed category, offence code or flag. */
export interface CategorySetRule {
  categories?: string[];
  offenceCodes?: string[];
  flags?: string[];
}

export interface CategorySet {
  id: string;
  /** Shown name: the stored name plus "(edited 30 Nov 2026, 2 changes)" when its rule was edited. */
  label: string;
  description: string;
  rule: CategorySetRule;
  /** Filled when read from a project: the stored name, without the edit mark. */
  name?: string;
  /** Filled when read: how the rule differs from its baseline; null when it does not. */
  edited?: EditMark | null;
  /** Filled when read: the rule "Reset" restores (installed default, or as first created). */
  baselineRule?: CategorySetRule | null;
}

function defaultRule(id: string): CategorySetRule | null {
  const d = DEFAULT_CATEGORY_SETS.find((s) => s.id === id);
  return d ? normaliseRule(d.rule) : null;
}

export function listCategorySets(db: Database): CategorySet[] {
  const edits = readEditRecords<CategorySetRule>(db, 'set');
  return readCategorySetRows(db).map((r) => {
    const rec = edits.get(r.id);
    const rule = JSON.parse(r.rule) as CategorySetRule;
    const baselineRule = rec?.baseline ?? defaultRule(r.id);
    // As the rule stands now (see liveMark in harmSchemes): a default edited before provenance
    // was kept is still marked, its date unknown.
    const changes = baselineRule ? countRuleChanges(baselineRule, rule) : 0;
    const edited = changes ? { on: rec?.edited?.on ?? '', changes } : null;
    return { ...r, label: markedLabel(r.label, edited), rule, name: r.label, edited, baselineRule };
  });
}

export function getCategorySet(db: Database, id: string): CategorySet | null {
  return listCategorySets(db).find((s) => s.id === id) ?? null;
}

/** By id, then by label (case-insensitive). */
export function resolveCategorySet(db: Database, nameOrId: string): CategorySet | null {
  const sets = listCategorySets(db);
  const k = stripEditMark(nameOrId.trim()).toLowerCase();
  return sets.find((s) => s.id.toLowerCase() === k) ?? sets.find((s) => s.name!.toLowerCase() === k) ?? null;
}

function normaliseRule(r: CategorySetRule): CategorySetRule {
  return {
    categories: (r.categories ?? []).map((c) => c.trim()).filter(Boolean),
    offenceCodes: (r.offenceCodes ?? []).map(normaliseOffenceCode).filter(Boolean),
    flags: (r.flags ?? []).map((f) => f.trim()).filter(Boolean),
  };
}

/**
 * Rule entries (categories, offence codes, flags) in one rule and not the other. Flags compare
 * by flagKey and categories case-insensitively, as the matcher does: spelling is no change.
 */
export function countRuleChanges(a: CategorySetRule, b: CategorySetRule): number {
  const entries = (r: CategorySetRule) => new Set([
    ...(r.categories ?? []).map((c) => `c:${c.trim().toLowerCase()}`),
    ...(r.offenceCodes ?? []).map((c) => `o:${normaliseOffenceCode(c)}`),
    ...(r.flags ?? []).map((f) => `f:${flagKey(f)}`),
  ]);
  const x = entries(a), y = entries(b);
  let n = 0;
  for (const e of x) if (!y.has(e)) n++;
  for (const e of y) if (!x.has(e)) n++;
  return n;
}

/**
 * Creates or replaces a set, recording how its rule now differs from its baseline (the
 * installed default, or the rule it was created with): count and `now`'s date join its label.
 */
export function saveCategorySet(db: Database, set: CategorySet, now: Date = new Date()): void {
  const name = stripEditMark(set.label.trim());
  if (!set.id.trim() || !name) throw new Error('A category set needs an id and a name.');
  const rule = normaliseRule(set.rule);
  if (!rule.categories!.length && !rule.offenceCodes!.length && !rule.flags!.length) {
    throw new Error(`Category set "${name}" lists no categories, offence codes or flags.`);
  }
  const priorRule = readCategorySetRule(db, set.id);
  const prior = priorRule !== null ? (JSON.parse(priorRule) as CategorySetRule) : null;
  const rec: EditRecord<CategorySetRule> | null = prior ? readEditRecord<CategorySetRule>(db, 'set', set.id) : null;
  const baseline = rec?.baseline ?? defaultRule(set.id) ?? prior ?? rule;
  const recordBaseline = defaultRule(set.id) === null || rec?.baseline !== undefined;
  const changedNow = prior === null || countRuleChanges(prior, rule) > 0;
  // A savepoint, not BEGIN: callers such as project set-up may already be in a transaction.
  inSavepoint(db, 'save_category_set', () => {
    writeCategorySet(db, { id: set.id, label: name, description: set.description, rule: JSON.stringify(rule) });
    writeEditRecord<CategorySetRule>(db, 'set', set.id, {
      baseline: recordBaseline ? baseline : undefined,
      edited: nextEditMark(countRuleChanges(baseline, rule), changedNow, rec?.edited, now),
    });
  });
}

/** Restores the baseline rule (installed default, or as created): the edit mark goes. */
export function resetCategorySet(db: Database, id: string, now: Date = new Date()): CategorySet {
  const s = getCategorySet(db, id);
  if (!s) throw new Error(`No category set "${id}".`);
  if (!s.baselineRule) throw new Error(`Category set "${s.name}" has no recorded original rule to reset to.`);
  saveCategorySet(db, { ...s, rule: s.baselineRule }, now);
  return getCategorySet(db, id)!;
}

export function deleteCategorySet(db: Database, id: string): void {
  deleteCategorySetRow(db, id);
  deleteEditRecord(db, 'set', id);
}

/**
 * The comparable form of a flag name: "Knife Enabled", "knife-enabled" and "knife_enabled" are
 * one flag. Imports name flags after their column; sets are typed by people; both must meet.
 */
export function flagKey(name: string): string {
  return name.trim().toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '');
}

/** Flags are stored as JSON: an array of names, or an object whose truthy keys are set. */
export function parseFlags(flags: string | null): string[] {
  if (!flags) return [];
  try {
    const v: unknown = JSON.parse(flags);
    if (Array.isArray(v)) return v.map((x) => flagKey(String(x)));
    if (v && typeof v === 'object') {
      return Object.entries(v as Record<string, unknown>).filter(([, x]) => Boolean(x)).map(([k]) => flagKey(k));
    }
  } catch {
    // not JSON: a single comma-separated list
    return flags.split(/[,;|]/).map(flagKey).filter(Boolean);
  }
  return [];
}

export type RecordMatcher = (crimeType: string | null, offenceCode: string | null, flags: string | null) => boolean;

export function makeMatcher(rule: CategorySetRule): RecordMatcher {
  const cats = new Set((rule.categories ?? []).map((c) => c.trim().toLowerCase()));
  const codes = new Set((rule.offenceCodes ?? []).map(normaliseOffenceCode));
  const flags = new Set((rule.flags ?? []).map(flagKey));
  return (crimeType, offenceCode, flagJson) => {
    if (crimeType && cats.has(crimeType.trim().toLowerCase())) return true;
    if (offenceCode && codes.size && codes.has(normaliseOffenceCode(offenceCode))) return true;
    if (flags.size && flagJson) return parseFlags(flagJson).some((f) => flags.has(f));
    return false;
  };
}

export function describeRule(rule: CategorySetRule): string {
  const parts: string[] = [];
  if (rule.categories?.length) parts.push(`categories ${rule.categories.join(', ')}`);
  if (rule.offenceCodes?.length) parts.push(`offence codes ${rule.offenceCodes.join(', ')}`);
  if (rule.flags?.length) parts.push(`flags ${rule.flags.join(', ')}`);
  return parts.join('; or ');
}
