/**
 * migrateDocument: brings a document of any older schemaVersion (none = 0) up to
 * SCHEMA_VERSION through pure steps, and refuses documents from a newer FunnelGrid.
 */
import type { DocumentKind } from '../validation/kinds'
import type { ValidationIssue } from '../validation/issue'
import type { JsonObject } from './types'
import { SCHEMA_VERSION } from '../schema/types'
import { KIND_WORDS } from '../validation/kinds'
import { MIGRATIONS } from './registry'
import { isObject } from './types'

/** A migrated document (still unvalidated), or why it cannot be migrated. */
export type MigrateResult
  = | { ok: true, value: unknown, from: number, to: number, applied: string[] }
    | { ok: false, issue: ValidationIssue }

/** Migrates `doc` of `kind` to SCHEMA_VERSION. The input is never mutated. */
export function migrateDocument(kind: DocumentKind, doc: unknown): MigrateResult {
  return migrateTo(kind, doc, SCHEMA_VERSION)
}

/** Migrates `doc` of `kind` to exactly `target` (used for documents nested in others). */
export function migrateTo(kind: DocumentKind, doc: unknown, target: number): MigrateResult {
  const word = KIND_WORDS[kind]
  if (!isObject(doc)) return fail('notObject', {}, `${word['zh-CN']}应为 JSON 对象`, `the ${word.en} must be a JSON object`)
  const raw = doc.schemaVersion
  const from = raw === undefined ? 0 : raw
  if (typeof from !== 'number' || !Number.isInteger(from) || from < 0) {
    return fail('invalidVersion', { version: raw }, `${word['zh-CN']}的 schemaVersion「${String(raw)}」无效，应为非负整数`, `the ${word.en}'s schemaVersion "${String(raw)}" is invalid: expected a whole number >= 0`)
  }
  if (from > target) {
    return fail('newerVersion', { version: from, supported: target },
      `${word['zh-CN']}由更新版本的 FunnelGrid 创建（schemaVersion ${from}，本版本支持到 ${target}），请先升级 FunnelGrid`,
      `the ${word.en} was made by a newer FunnelGrid (schemaVersion ${from}; this version supports up to ${target}); upgrade FunnelGrid first`)
  }
  let current: JsonObject = doc
  const applied: string[] = []
  for (let v = from; v < target; v++) {
    const step = MIGRATIONS[kind][v]
    if (!step || step.from !== v) throw new Error(`No ${kind} migration from version ${v}`)
    current = step.up(current, child)
    applied.push(`${kind} ${step.from}→${step.to}: ${step.description}`)
  }
  return { ok: true, value: current, from, to: target, applied }
}

/** Nested documents that cannot migrate are left as they are; validation then names them. */
function child(kind: DocumentKind, doc: unknown, version: number): unknown {
  const r = migrateTo(kind, doc, version)
  return r.ok ? r.value : doc
}

function fail(code: ValidationIssue['code'], params: Record<string, unknown>, zh: string, en: string): MigrateResult {
  return { ok: false, issue: { path: '/schemaVersion', code, params, message: { 'zh-CN': zh, 'en': en } } }
}
