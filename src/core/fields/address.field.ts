import type { FieldBehaviour, ParseResult } from './behaviour'
import { compareText, emptyLast } from './shared/compare'
import { makeConvert } from './shared/convert'
import { isEmptyValue } from './shared/empty'
import { ok } from './shared/result'
import { always, input } from './shared/traits'
import { noOptions } from './shared/new-options'

/** An address value: region parts plus a detail line, each optional. */
export interface AddressValue {
  province?: string
  city?: string
  district?: string
  detail?: string
}

const PARTS = ['province', 'city', 'district', 'detail'] as const

/** An address; pasted text goes to `detail` (regions are picked, not parsed). */
export const addressField: FieldBehaviour<'address'> = {
  type: 'address',
  computed: false,
  emptyValue: null,
  valueSchema: () => ({
    type: 'object',
    properties: Object.fromEntries(PARTS.map(p => [p, { type: 'string' }])),
    additionalProperties: false,
  }),
  parseText,
  format: value => addressText(value),
  compare: emptyLast((a, b) => compareText(addressText(a), addressText(b)), isEmptyAddress),
  isEmpty: isEmptyAddress,
  convertFrom: makeConvert<'address'>(parseText, null),
  queryKind: always('text'),
  exprType: always('text'),
  inputKind: input('readonly', 'text'),
  editsStored: false,
  measure: null,
  filterKind: null,
  wide: true,
  palette: 'basic',
  inSubform: false,
  newOptions: noOptions,
}

function parseText(text: string): ParseResult {
  const s = text.trim()
  return ok(s === '' ? null : { detail: s })
}

function addressText(value: unknown): string {
  if (value === null || typeof value !== 'object') return ''
  const v = value as AddressValue
  return PARTS.map(p => v[p]).filter(s => typeof s === 'string' && s !== '').join(' ')
}

function isEmptyAddress(value: unknown): boolean {
  return isEmptyValue(value) || addressText(value) === ''
}
