/** The templates shipped with FunnelGrid (templates/*.json). */
import type { TemplateDef } from '../schema/types'
import salesFunnel from '../../../templates/sales-funnel.json' with { type: 'json' }

// JSON imports are not literal-typed; every file in templates/ is validated against
// schemas/template.schema.json by the schema tests, which is what makes this cast safe.
const TEMPLATES: readonly TemplateDef[] = [salesFunnel as unknown as TemplateDef]

/** Every shipped template, in gallery order. Callers get copies, never the shared objects. */
export function listTemplates(): TemplateDef[] {
  return TEMPLATES.map(t => structuredClone(t))
}

/** The shipped template with this id, or undefined. */
export function getTemplate(id: string): TemplateDef | undefined {
  const found = TEMPLATES.find(t => t.id === id)
  return found === undefined ? undefined : structuredClone(found)
}
