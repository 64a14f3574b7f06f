/**
 * A copy of `a` with room for at least `length` elements, at least twice as long (so appending n
 * elements one by one copies O(n) in all). The new elements are zero.
 */
export function grown<T extends Int32Array | Uint8Array | Float64Array>(a: T, length: number): T {
  const out = new (a.constructor as new (n: number) => T)(Math.max(length, a.length * 2));
  out.set(a);
  return out;
}
