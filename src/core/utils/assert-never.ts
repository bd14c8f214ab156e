/** Ends an exhaustive switch over a discriminated union: compile error when a case is missing. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(x)}`)
}
