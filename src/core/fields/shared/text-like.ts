import type { FieldOf } from '../../schema/types'
import type { FieldBehaviour, JsonSchema } from '../behaviour'
import { compareText, emptyLast } from './compare'
import { makeConvert } from './convert'
import { isEmptyValue } from './empty'
import { toHalfWidth } from './number-text'
import { ok } from './result'
import { always, input } from './traits'
import { noOptionsOf } from './new-options'

type TextType = 'text' | 'textarea' | 'phone' | 'email' | 'url'

/** Loose patterns for contact fields: they catch typos without refusing real-world variety. */
export const PHONE_PATTERN = String.raw`^\+?[0-9][0-9 ()-]{2,24}$`
export const URL_PATTERN = String.raw`^(?:[a-zA-Z][a-zA-Z0-9+.-]*://)?[^\s/?#.]+(?:\.[^\s/?#.]+)+(?::\d+)?(?:[/?#]\S*)?$`

/** A behaviour for string-valued types; `schema` adds the type's own constraints. */
export function textLike<T extends TextType>(type: T, schema: (field: FieldOf<T>) => JsonSchema, multiline = false): FieldBehaviour<T> {
  const parseText = (text: string) => {
    const s = multiline ? text.replace(/\r\n?/g, '\n') : text.trim()
    return ok(s === '' ? null : type === 'phone' ? toHalfWidth(s) : s)
  }
  return {
    type,
    computed: false,
    emptyValue: null,
    valueSchema: schema,
    parseText,
    format: value => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value)),
    compare: emptyLast(compareText),
    isEmpty: isEmptyValue,
    convertFrom: makeConvert<T>(parseText, null),
    queryKind: always('text'),
    exprType: always('text'),
    inputKind: multiline ? input('textarea', 'text') : input('text'),
    editsStored: false,
    measure: null,
    filterKind: null,
    wide: multiline,
    palette: 'basic',
    inSubform: true,
    newOptions: noOptionsOf<T>(),
  }
}
