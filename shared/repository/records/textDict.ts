import type { Database, Statement } from 'sql.js';
import { ownString } from '../../import/ownString';

/**
 * The project's dictionary of repeated text (crime types, outcomes, locations, LSOA and ward
 * codes, placement methods, stop-and-search fields): each text is stored once and records hold
 * its id. Loaded whole (a force's ten years hold ~10^5 distinct texts); new texts are written
 * as they are first met, inside the caller's transaction.
 */
export class TextDict {
  private readonly ids = new Map<string, number>();
  private nextId: number;
  private insert: Statement | null = null;

  constructor(private readonly db: Database) {
    const stmt = db.prepare('SELECT id, text FROM text_dict');
    let max = 0;
    try {
      while (stmt.step()) {
        const [id, text] = stmt.get() as [number, string];
        this.ids.set(text, id);
        if (id > max) max = id;
      }
    } finally {
      stmt.free();
    }
    this.nextId = max + 1;
  }

  /** The id of `text`, added to the dictionary when new; null stays null. */
  id(text: string | null): number | null {
    if (text === null) return null;
    const hit = this.ids.get(text);
    if (hit !== undefined) return hit;
    const id = this.nextId++;
    this.insert ??= this.db.prepare('INSERT INTO text_dict(id, text) VALUES (?, ?)');
    this.insert.run([id, text]);
    this.ids.set(ownString(text), id);
    return id;
  }

  /** The id of `text` if the dictionary has it (no insert). */
  find(text: string): number | undefined {
    return this.ids.get(text);
  }

  free(): void {
    this.insert?.free();
    this.insert = null;
  }
}
