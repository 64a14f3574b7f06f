/**
 * Record references. A police.uk Crime ID is 64 lowercase hex digits (a SHA-256): stored as its
 * 32 bytes, half the text. Any other reference (a force's own crime number) is stored as written.
 */

/** SQL for the readable reference (views, migration): blobs back to lowercase hex. */
export const refTextSql = (c: string): string => `CASE WHEN typeof(${c}) = 'blob' THEN lower(hex(${c})) ELSE ${c} END`;
/** SQL that stores a text reference as the writer does. */
export const refStoreSql = (c: string): string =>
  // unhex() is NULL for anything but hex digits; lower() keeps an upper-case reference as text, as written.
  `CASE WHEN length(${c}) = 64 AND ${c} = lower(${c}) THEN coalesce(unhex(${c}), ${c}) ELSE ${c} END`;
