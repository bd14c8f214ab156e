/**
 * The fields a stage field links to in its own form: win probability, loss reason, the forecast
 * category and its "set by hand" marks, the snooze date and reason. One table says which field
 * types each link accepts (the design check and the designer's pickers read it), and pure
 * functions read and set a link on the stage field (see docs/architecture.md "Stage links").
 */
import type { FieldDef, FieldOf, FieldType } from '../schema/types'
import { FORECAST_CATEGORIES, MANUAL_CATEGORY, MANUAL_PROBABILITY } from './forecast'

export type StageLink = 'probability' | 'lossReason' | 'forecastCategory' | 'forecastManual' | 'snoozeUntil' | 'snoozeReason'

export interface StageLinkSpec {
  /** Field types the linked field may have. */
  types: readonly FieldType[]
  /** Option ids a select / multiselect must have to be linked (the forecast fields). */
  choices?: readonly string[]
  /** The link that must be set before this one (a snooze reason needs a snooze date). */
  needs?: StageLink
}

/** In the order the designer lists them. */
export const STAGE_LINKS: readonly StageLink[] = ['probability', 'lossReason', 'forecastCategory', 'forecastManual', 'snoozeUntil', 'snoozeReason']

export const STAGE_LINK_SPECS: Readonly<Record<StageLink, StageLinkSpec>> = {
  probability: { types: ['percent', 'number'] },
  lossReason: { types: ['select', 'multiselect', 'text', 'textarea'] },
  forecastCategory: { types: ['select'], choices: FORECAST_CATEGORIES, needs: 'forecastManual' },
  forecastManual: { types: ['multiselect'], choices: [MANUAL_PROBABILITY, MANUAL_CATEGORY] },
  snoozeUntil: { types: ['date'] },
  snoozeReason: { types: ['select', 'text', 'textarea'], needs: 'snoozeUntil' },
}

/** The id of the field `link` names, if set. */
export function linkedFieldId(stage: FieldOf<'stage'>, link: StageLink): string | undefined {
  const o = stage.options
  switch (link) {
    case 'probability': return o.probabilityField
    case 'lossReason': return o.lossReasonField
    case 'forecastCategory': return o.forecast?.categoryField
    case 'forecastManual': return o.forecast?.manualField
    case 'snoozeUntil': return o.snooze?.untilField
    case 'snoozeReason': return o.snooze?.reasonField
  }
}

/** True when `field` may be linked as `link`: its type is accepted and it has the options the link needs. */
export function canLink(field: FieldDef, link: StageLink): boolean {
  const spec = STAGE_LINK_SPECS[link]
  if (!spec.types.includes(field.type)) return false
  if (!spec.choices) return true
  const choices = field.type === 'select' || field.type === 'multiselect' ? field.options.choices : []
  return spec.choices.every(id => choices.some(c => c.id === id))
}

/** The fields of `fields` that may be linked as `link` (never the stage field itself). */
export function linkCandidates(fields: readonly FieldDef[], stage: FieldOf<'stage'>, link: StageLink): FieldDef[] {
  return fields.filter(f => f.id !== stage.id && canLink(f, link))
}

/**
 * The stage field with `link` set to `fieldId` (undefined: unlinked). Unlinking the snooze date
 * unlinks its reason, and unlinking the manual marks unlinks the forecast category, since
 * neither works alone; linking a category while no manual field is linked is refused (link
 * the manual field first, or both in one call to `withStageLinks`).
 */
export function withStageLink(stage: FieldOf<'stage'>, link: StageLink, fieldId: string | undefined): FieldOf<'stage'> {
  const options = { ...stage.options }
  switch (link) {
    case 'probability': set(options, 'probabilityField', fieldId); break
    case 'lossReason': set(options, 'lossReasonField', fieldId); break
    case 'forecastManual': set(options, 'forecast', fieldId === undefined ? undefined : { ...options.forecast, manualField: fieldId }); break
    case 'forecastCategory': {
      if (!options.forecast) {
        if (fieldId === undefined) break
        throw new Error('a forecast category needs the manual-marks field linked first')
      }
      const { categoryField: _old, ...rest } = options.forecast
      options.forecast = fieldId === undefined ? rest : { ...rest, categoryField: fieldId }
      break
    }
    case 'snoozeUntil': set(options, 'snooze', fieldId === undefined ? undefined : { ...options.snooze, untilField: fieldId }); break
    case 'snoozeReason': {
      if (!options.snooze) {
        if (fieldId === undefined) break
        throw new Error('a snooze reason needs the snooze date field linked first')
      }
      const { reasonField: _old, ...rest } = options.snooze
      options.snooze = fieldId === undefined ? rest : { ...rest, reasonField: fieldId }
      break
    }
  }
  return { ...stage, options }
}

/** Several links set in order (`withStageLink` for each). */
export function withStageLinks(stage: FieldOf<'stage'>, links: ReadonlyArray<readonly [StageLink, string | undefined]>): FieldOf<'stage'> {
  return links.reduce((s, [link, id]) => withStageLink(s, link, id), stage)
}

function set<K extends keyof FieldOf<'stage'>['options']>(options: FieldOf<'stage'>['options'], key: K, value: FieldOf<'stage'>['options'][K] | undefined): void {
  if (value === undefined) delete options[key]
  else options[key] = value
}
