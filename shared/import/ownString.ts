/**
 * A copy of `s` that shares no memory with the text it was cut from. papaparse's fields are
 * V8 slices of the whole piece of file they came from, so one field kept as a map key keeps
 * that whole piece alive: caches of places and texts did so for most of a file (1M rows: ~200 MB
 * of heap). Used only where a row's text becomes a long-lived key, which happens once per
 * distinct value.
 */
export function ownString(s: string): string {
  // Slicing a concatenation makes V8 flatten it into a new string first; the slice then points
  // into that new string, never into the file's.
  return (' ' + s).slice(1);
}
