/**
 * A short stable hash (12 hex digits: two 32-bit FNV-1a variants) for ids made from a list of
 * cell ids or plan settings. Not cryptographic: it only has to be stable across runs and
 * machines and unlikely to collide among the few hundred hotspots of one force.
 */
export function shortHash(text: string): string {
  let a = 0x811c9dc5;
  let b = 0x01000193 ^ 0x5bd1e995;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
  }
  return ((a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0')).slice(0, 12);
}

/** Stable id of a multi-cell hotspot: the same cells give the same id in every quarter. */
export function mergedHotspotId(cellIds: string[]): string {
  return `HS_${shortHash([...cellIds].sort().join('|'))}`;
}
