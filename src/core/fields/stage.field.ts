import type { FieldBehaviour, ParseResult } from './behaviour'
import type { FieldOf } from '../schema/types'
import { compareByIndex, emptyLast } from './shared/compare'
import { makeConvert } from './shared/convert'
import { isEmptyValue } from './shared/empty'
import { findOption, optionList, optionText } from './shared/choice'
import { fail, ok } from './shared/result'
import { OPTION_TRAITS } from './shared/traits'
import { sampleStages } from './shared/new-options'

/** A pipeline stage: the stored value is a stage id; sorting follows stage order. */
export const stageField: FieldBehaviour<'stage'> = {
  type: 'stage',
  computed: false,
  emptyValue: null,
  valueSchema: field => ({ type: 'string', enum: field.options.stages.map(s => s.id) }),
  parseText,
  format: (value, field, ctx) => (isEmptyValue(value) ? '' : optionText(field.options.stages, value, ctx.locale, field.options.removedStages)),
  compare: (a, b, field) => emptyLast(compareByIndex(field.options.stages.map(s => s.id)))(a, b),
  isEmpty: isEmptyValue,
  convertFrom: makeConvert<'stage'>(parseText, null),
  ...OPTION_TRAITS,
  newOptions: () => ({ stages: sampleStages() }),
}

function parseText(text: string, field: FieldOf<'stage'>): ParseResult {
  if (text.trim() === '') return ok(null)
  const stage = findOption(field.options.stages, text)
  if (!stage) return fail(`没有阶段「${text.trim()}」（可选：${optionList(field.options.stages)}）`, `no stage "${text.trim()}" (stages: ${optionList(field.options.stages)})`)
  return ok(stage.id)
}
