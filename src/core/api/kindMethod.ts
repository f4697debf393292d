/** `scoreSnapshot` → `score-snapshot`: record kinds are camelCase in code, method names are kebab-case on every transport. */
export type Kebab<S extends string> = S extends `${infer H}${infer T}`
  ? `${H extends Lowercase<H> ? H : `-${Lowercase<H>}`}${Kebab<T>}`
  : S

export function kebab<S extends string>(s: S): Kebab<S> {
  return s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`) as Kebab<S>
}

/** The method name of a CRUD verb on a record kind: `kindMethod('deckNote', 'list')` → `deck-note-list`. */
export function kindMethod<K extends string, V extends 'list' | 'get' | 'create' | 'update' | 'delete'>(kind: K, verb: V): `${Kebab<K>}-${V}` {
  return `${kebab(kind)}-${verb}`
}
