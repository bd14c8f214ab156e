/**
 * Forecast defaults of stages: the category and probability a deal in a stage takes unless
 * they were set by hand (see docs/architecture.md "Forecast").
 */
import type { FieldOf, ForecastCategory, StageOption } from '../schema/types'

/** The categories in the order charts stack them (bottom first) and pickers list them. */
export const FORECAST_CATEGORIES: readonly ForecastCategory[] = ['closed', 'commit', 'bestCase', 'pipeline', 'omitted']

/** The option ids of a forecast manual field: which forecast values a deal has set by hand. */
export const MANUAL_PROBABILITY = 'probability'
export const MANUAL_CATEGORY = 'category'

/** True when `v` is one of the forecast categories. */
export function isForecastCategory(v: unknown): v is ForecastCategory {
  return typeof v === 'string' && (FORECAST_CATEGORIES as readonly string[]).includes(v)
}

/** The stage's default category: won stages are closed, lost ones omitted, open ones their own (else pipeline). */
export function stageForecastCategory(stage: Pick<StageOption, 'kind' | 'forecastCategory'>): ForecastCategory {
  if (stage.kind === 'won') return 'closed'
  if (stage.kind === 'lost') return 'omitted'
  return stage.forecastCategory ?? 'pipeline'
}

/** The forecast fields a stage field names, when its forecast follows the stages (a manual field is set). */
export interface ForecastFields {
  manualField: string
  probabilityField?: string
  categoryField?: string
}

/** The stage field's forecast fields, or undefined when it has no forecast settings. */
export function forecastFieldsOf(field: FieldOf<'stage'>): ForecastFields | undefined {
  const fc = field.options.forecast
  if (!fc) return undefined
  return { manualField: fc.manualField, probabilityField: field.options.probabilityField, categoryField: fc.categoryField }
}
