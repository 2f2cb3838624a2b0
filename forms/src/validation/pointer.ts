/**
 * JSON pointers (RFC 6901) as Ajv writes them in `instancePath`. Reading data by pointer only ever
 * follows OWN properties, so a key such as `constructor` or `__proto__` never reaches Object.prototype.
 */

export function escapeSegment(segment: string): string {
  return segment.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function unescapeSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function joinPointer(base: string, segment: string): string {
  return `${base}/${escapeSegment(segment)}`;
}

/** `/species/1/count` → ['species', '1', 'count']; '' (the whole document) → []. */
export function splitPointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(unescapeSegment);
}

/** The value at `pointer`, or undefined when any step is missing or not an own property. */
export function valueAt(data: unknown, pointer: string): unknown {
  let current: unknown = data;
  for (const segment of splitPointer(pointer)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}
