import type { DocumentKind } from '../validation/kinds'

/** A JSON object as read from a file or storage, before validation. */
export type JsonObject = { [key: string]: unknown }

/** Migrates a contained document (a form inside a template, say) to exactly `version`. */
export type MigrateChild = (kind: DocumentKind, doc: unknown, version: number) => unknown

/**
 * One pure migration step of one document kind: `up` returns a new document of version `to`
 * and never mutates its input.
 */
export interface MigrationStep {
  kind: DocumentKind
  from: number
  to: number
  /** What changed, for logs and the import report. */
  description: string
  up: (doc: JsonObject, child: MigrateChild) => JsonObject
}

/** True for a plain JSON object (not null, not an array). */
export function isObject(value: unknown): value is JsonObject {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}

/** `value` if it is an array, else []. */
export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : []
}
