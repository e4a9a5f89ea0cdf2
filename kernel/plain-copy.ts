/**
 * A deep copy of plain JSON-like data (objects, arrays, primitives; `undefined` values kept, like
 * `structuredClone`). Hand-written because `structuredClone` goes through V8's serializer and costs
 * several times more on Node 20 for the small wire objects the local Lex runtime and the in-memory
 * twins copy on every turn; anything that is not plain (class instances, Dates, Maps…) still goes
 * through `structuredClone`, so the result is never a shared reference.
 */
export function plainCopy<T>(value: T): T {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return value;
  if (Array.isArray(value)) return value.map(plainCopy) as T;
  // Functions (which structuredClone refuses), class instances, Dates, Maps…: structuredClone decides.
  if (typeof value === 'function' || Object.getPrototypeOf(value) !== Object.prototype) {
    return structuredClone(value);
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) out[key] = plainCopy((value as Record<string, unknown>)[key]);
  return out as T;
}
