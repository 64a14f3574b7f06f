import { describe, expect, it } from 'vitest';
import { loadSqlJs } from '../../../cli/sqlNode';
import { DB_BYTES_PER_CSV_BYTE, PRESIZE_MIN_BYTES, reopenWithRoom } from '../../../shared/import/presize';
import { createProjectDb, getMeta, openProjectDb } from '../../../shared/project/projectDb';

describe('reopenWithRoom', () => {
  it('leaves small imports alone and reopens big ones with the same project, closing the old handle', async () => {
    const SQL = await loadSqlJs();
    const db = createProjectDb(SQL, 'Room');
    let reopened = 0;
    const reopen = (image: Uint8Array) => {
      reopened++;
      expect(image.length).toBeGreaterThanOrEqual(db.export().length + DB_BYTES_PER_CSV_BYTE * PRESIZE_MIN_BYTES);
      return openProjectDb(SQL, image, 'room.hotspot');
    };
    expect(reopenWithRoom(db, undefined, reopen)).toBe(db);
    expect(reopenWithRoom(db, PRESIZE_MIN_BYTES - 1, reopen)).toBe(db);
    expect(reopened).toBe(0);
    const bytesBefore = db.export().length;
    const next = reopenWithRoom(db, PRESIZE_MIN_BYTES, reopen);
    expect(reopened).toBe(1);
    expect(next).not.toBe(db);
    expect(getMeta(next, 'name')).toBe('Room');
    // The padding is free space past the database: saving writes only the used pages.
    expect(next.export().length).toBe(bytesBefore);
    expect(() => db.exec('SELECT 1')).toThrow();
  });
});
