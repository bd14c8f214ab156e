import type { FieldOf, FieldType } from '../../schema/types'
import type { FieldBehaviour, FieldTraits, FormatContext, JsonSchema } from '../behaviour'
import { compareText, emptyLast } from './compare'
import { isEmptyValue } from './empty'
import { formatAny } from './format-any'
import { fail } from './result'
import { input } from './traits'

/**
 * What a computed type says or overrides. Computed types are never in subforms and never
 * edited in the grid; they are read-only in forms (filters may still pick a control).
 */
export interface ComputedSpec<T extends FieldType> extends Pick<FieldTraits<T>, 'queryKind' | 'exprType' | 'palette' | 'newOptions'> {
  inputKind?: FieldTraits<T>['inputKind']
  measure?: FieldTraits<T>['measure']
  filterKind?: FieldTraits<T>['filterKind']
  wide?: boolean
  valueSchema?: (field: FieldOf<T>) => JsonSchema
  format?: (value: unknown, field: FieldOf<T>, ctx: FormatContext) => string
  compare?: (a: unknown, b: unknown, field: FieldOf<T>) => number
}

/** A read-only computed (or display-only) field type: users never write its values. */
export function computedBehaviour<T extends FieldType>(type: T, spec: ComputedSpec<T>): FieldBehaviour<T> {
  return {
    type,
    computed: true,
    emptyValue: null,
    valueSchema: spec.valueSchema ?? (() => true),
    parseText: () => fail('这是只读的计算字段，不能填写', 'this is a read-only computed field and cannot be filled in'),
    format: spec.format ?? ((value, _field, ctx) => formatAny(value, ctx.locale)),
    compare: spec.compare ?? emptyLast(compareText),
    isEmpty: isEmptyValue,
    convertFrom: (_value, from) => fail(
      `「${type}」字段的值由系统计算，原「${from.type}」字段的值不会保留`,
      `${type} values are computed; the values of the former ${from.type} field are not kept`,
    ),
    queryKind: spec.queryKind,
    exprType: spec.exprType,
    inputKind: spec.inputKind ?? input('readonly'),
    editsStored: false,
    measure: spec.measure ?? null,
    filterKind: spec.filterKind ?? null,
    wide: spec.wide ?? false,
    palette: spec.palette,
    inSubform: false,
    newOptions: spec.newOptions,
  }
}
