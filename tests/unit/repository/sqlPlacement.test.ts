import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const sharedDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared');
const files = readdirSync(sharedDir, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.split(path.sep).join('/'));
const source = (f: string) => readFileSync(path.join(sharedDir, f), 'utf8');

// The folders that may talk to the database: the repository, and the session that owns it.
const MAY_RUN_SQL = /^(repository|session)\//;

describe('SQL lives in shared/repository', () => {
  it('no other shared module imports sql.js or runs a statement', () => {
    const offenders = files.filter((f) => !MAY_RUN_SQL.test(f)
      && (/from\s+['"]sql\.js['"]/.test(source(f)) || /\bdb\s*\.\s*(exec|run|prepare)\s*\(/.test(source(f))));
    expect(offenders).toEqual([]);
  });
});
