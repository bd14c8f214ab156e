/** Finding a stage by id, including removed stages that only history still mentions. */
import type { FieldOf, Locale, StageOption } from '../schema/types'
import { labelText } from '../utils/label'
import { safeColor } from '../utils/safe-color'

/** A stage option found by id, and whether it was removed from the field. */
export interface FoundStage {
  stage: StageOption
  removed: boolean
}

/** The current or removed stage with this id, or undefined. */
export function findStage(field: FieldOf<'stage'>, stageId: string): FoundStage | undefined {
  const live = field.options.stages.find(s => s.id === stageId)
  if (live) return { stage: live, removed: false }
  const gone = field.options.removedStages?.find(s => s.id === stageId)
  return gone ? { stage: gone, removed: true } : undefined
}

/** The stage's name in `locale` (removed stages too); the raw id when the stage is unknown. */
export function stageName(field: FieldOf<'stage'>, stageId: string, locale: Locale): string {
  const found = findStage(field, stageId)
  return found ? labelText(found.stage.label, locale) || stageId : stageId
}

/** Default colours for stages without one, picked by position. */
export const STAGE_PALETTE: readonly string[] = ['#73c0de', '#5470c6', '#9a60b4', '#fac858', '#fc8452', '#ea7ccc', '#91cc75', '#3ba272', '#ee6666', '#9a9a9a']

/** The stage's colour, else a palette colour by its position, else grey. */
export function stageColor(field: FieldOf<'stage'>, stageId: string): string {
  const found = findStage(field, stageId)
  const own = safeColor(found?.stage.color)
  if (own) return own
  const i = field.options.stages.findIndex(s => s.id === stageId)
  return i >= 0 ? (STAGE_PALETTE[i % STAGE_PALETTE.length] ?? '#9a9a9a') : '#9a9a9a'
}
