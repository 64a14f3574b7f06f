import type { Database } from 'sql.js';
import { queryAll } from '../project/projectDb';
import { normaliseOffenceCode } from './offenceCodes';

/** A record belongs to the set when it matches ANY listed category, offence code or flag. */
export interface CategorySetRule {
  categories?: string[];
  offenceCodes?: string[];
  flags?: string[];
}

export interface CategorySet {
  id: string;
  label: string;
  description: string;
  rule: CategorySetRule;
}

export function listCategorySets(db: Database): CategorySet[] {
  return queryAll<{ id: string; label: string; description: string; rule: string }>(
    db,
    'SELECT id, label, description, rule FROM category_sets ORDER BY label',
  ).map((r) => ({ ...r, rule: JSON.parse(r.rule) as CategorySetRule }));
}

export function getCategorySet(db: Database, id: string): CategorySet | null {
  return listCategorySets(db).find((s) => s.id === id) ?? null;
}

/** By id, then by label (case-insensitive). */
export function resolveCategorySet(db: Database, nameOrId: string): CategorySet | null {
  const sets = listCategorySets(db);
  const k = nameOrId.trim().toLowerCase();
  return sets.find((s) => s.id.toLowerCase() === k) ?? sets.find((s) => s.label.toLowerCase() === k) ?? null;
}

export function saveCategorySet(db: Database, set: CategorySet): void {
  if (!set.id.trim() || !set.label.trim()) throw new Error('A category set needs an id and a name.');
  const rule: CategorySetRule = {
    categories: (set.rule.categories ?? []).map((c) => c.trim()).filter(Boolean),
    offenceCodes: (set.rule.offenceCodes ?? []).map(normaliseOffenceCode).filter(Boolean),
    flags: (set.rule.flags ?? []).map((f) => f.trim()).filter(Boolean),
  };
  if (!rule.categories!.length && !rule.offenceCodes!.length && !rule.flags!.length) {
    throw new Error(`Category set "${set.label}" lists no categories, offence codes or flags.`);
  }
  db.run(
    `INSERT INTO category_sets(id, label, description, rule) VALUES (?, ?, ?, ?)
     ON CONFLICT(id) DO UPDATE SET label = excluded.label, description = excluded.description, rule = excluded.rule`,
    [set.id, set.label, set.description, JSON.stringify(rule)],
  );
}

export function deleteCategorySet(db: Database, id: string): void {
  db.run('DELETE FROM category_sets WHERE id = ?', [id]);
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
