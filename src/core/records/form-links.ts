/**
 * Which forms read which: a form with a lookup or rollup reads the form its relation field
 * links to; a form with a `{formId.fieldId}` formula reference (MAPX, cross-form lists)
 * reads that form. Propagation follows these links backwards, from a changed form to the
 * forms whose derived values read it.
 */
import type { FormDef } from '../schema/types'
import { formulaGraphOf } from './derived-values'
import { linkFields } from './lookups'

/** One way a form (`formId`) reads another (`sourceId`). */
export type FormLink
  /** Lookups/rollups through `relationField`; `fields` are the source fields they read ([] for a bare count). */
  = | { kind: 'relation', formId: string, sourceId: string, relationField: string, fields: string[] }
  /** Formulas reading the source's `fields` across the whole form (MAPX): any change may matter to every record. */
    | { kind: 'formula', formId: string, sourceId: string, fields: string[] }

function relationLinks(form: FormDef): FormLink[] {
  const byRelation = new Map<string, FormLink & { kind: 'relation' }>()
  for (const f of linkFields(form)) {
    const rel = form.fields.find(r => r.id === f.options.relationField)
    if (rel?.type !== 'relation') continue
    let link = byRelation.get(rel.id)
    if (!link) byRelation.set(rel.id, link = { kind: 'relation', formId: form.id, sourceId: rel.options.formId, relationField: rel.id, fields: [] })
    const target = f.options.targetField
    if (target !== undefined && !link.fields.includes(target)) link.fields.push(target)
  }
  return [...byRelation.values()]
}

function formulaLinks(form: FormDef, forms: readonly FormDef[]): FormLink[] {
  const graph = formulaGraphOf(form, forms)
  const bySource = new Map<string, string[]>()
  for (const node of graph.nodes.values()) {
    for (const key of node.deps.foreign) {
      const dot = key.indexOf('.')
      if (dot <= 0) continue
      const sourceId = key.slice(0, dot)
      const list = bySource.get(sourceId) ?? []
      if (!list.includes(key.slice(dot + 1))) list.push(key.slice(dot + 1))
      bySource.set(sourceId, list)
    }
  }
  return [...bySource].map(([sourceId, fields]) => ({ kind: 'formula', formId: form.id, sourceId, fields }))
}

const cache = new WeakMap<readonly FormDef[], FormLink[]>()

/** Every link between the given forms (memoised per forms array: definitions are replaced whole on change). */
export function formLinks(forms: readonly FormDef[]): FormLink[] {
  let links = cache.get(forms)
  if (!links) cache.set(forms, links = forms.flatMap(f => [...relationLinks(f), ...formulaLinks(f, forms)]))
  return links
}

/** The forms `formId` reads (its lookups', rollups' and cross-form formulas' sources). */
export function sourcesOf(links: readonly FormLink[], formId: string): Set<string> {
  return new Set(links.filter(l => l.formId === formId).map(l => l.sourceId))
}

/** The forms whose derived values may change when `formIds` change, transitively (the given forms excluded unless reached again). */
export function dependentsOf(links: readonly FormLink[], formIds: Iterable<string>): Set<string> {
  const out = new Set<string>()
  const queue = [...formIds]
  while (queue.length) {
    const id = queue.pop()!
    for (const l of links) {
      if (l.sourceId === id && !out.has(l.formId)) {
        out.add(l.formId)
        queue.push(l.formId)
      }
    }
  }
  return out
}

/**
 * Every form a write to `formIds` needs loaded: the written forms, the forms their derived
 * values read, the forms that read them (transitively), and what those read.
 */
export function formsToLoad(links: readonly FormLink[], formIds: Iterable<string>): Set<string> {
  const written = [...formIds]
  const out = new Set([...written, ...dependentsOf(links, written)])
  for (const id of [...out]) for (const s of sourcesOf(links, id)) out.add(s)
  return out
}
