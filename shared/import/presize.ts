import type { ProjectDb as Database } from '../repository/db';

/**
 * Project bytes a police.uk import adds per CSV byte, with a margin: with compact storage
 * (schema v4) 3M bench rows (576 MB of CSV) add 148 MB of pages (0.26 bytes a CSV byte), so 0.3
 * rarely falls short and overshoots by ~17%.
 */
export const DB_BYTES_PER_CSV_BYTE = 0.3;

/**
 * The project's image zero-padded with room for importing `sourceBytes` of CSV, for a caller that
 * owns the Database (the worker, the CLI) to reopen the project from before a bulk import:
 *
 *   const image = presizedProjectImage(db, source.size); db.close(); db = openProjectDb(SQL, image);
 *
 * Why: sql.js keeps the database in an Emscripten in-memory file that grows by 12.5% steps, each
 * allocating a new buffer and copying the old one into it, so near the end of a large import the
 * old and the new copy are both resident (3M rows: a 732 MiB copy into an 824 MiB buffer, ~1.46 GiB
 * for the file alone). A database opened from a padded image starts with a file that already has
 * the room (sql.js copies the image into its file once), so the import never grows it: 3M rows peak
 * at ~1.35 GiB instead of ~1.87 GiB, and import a little faster. SQLite trusts the page count in
 * the header, so the padding is free space past the end of the database: page_count, integrity,
 * export() and saved files are unchanged. The padding is resident from the start, so overestimates
 * cost their size; an underestimate costs one growth step at the end (no worse than no padding).
 * runImport cannot do this itself: sql.js exposes neither its file system nor the SQLite file
 * control that would pre-allocate, and the Database object cannot be reopened in place.
 */
export function presizedProjectImage(db: Database, sourceBytes: number, bytesPerCsvByte = DB_BYTES_PER_CSV_BYTE): Uint8Array {
  const image = db.export();
  const room = Math.max(0, Math.ceil(sourceBytes * bytesPerCsvByte));
  if (room === 0) return image;
  const padded = new Uint8Array(image.length + room);
  padded.set(image);
  return padded;
}

/** Files at least this large are imported into a presized project; smaller ones gain nothing. */
export const PRESIZE_MIN_BYTES = 64 * 1024 * 1024;

/**
 * For the Database's owner (the worker, the CLI): when `sourceBytes` is large, returns the project
 * reopened from a padded image (and closes the old handle); otherwise returns `db` unchanged.
 */
export function reopenWithRoom(
  db: Database,
  sourceBytes: number | undefined,
  reopen: (image: Uint8Array) => Database,
): Database {
  if (!sourceBytes || sourceBytes < PRESIZE_MIN_BYTES) return db;
  const next = reopen(presizedProjectImage(db, sourceBytes));
  db.close();
  return next;
}
