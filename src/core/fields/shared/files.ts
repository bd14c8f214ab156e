import type { FieldBehaviour, JsonSchema } from '../behaviour'
import { compareNumbers, emptyLast } from './compare'
import { listSeparator } from './choice'
import { notConvertible } from './convert'
import { isEmptyValue } from './empty'
import { fail } from './result'
import { PRESENCE_TRAITS } from './traits'
import { noOptionsOf } from './new-options'

/**
 * One stored file of an attachment or image field. The bytes live in storage under `key`;
 * `size` is in bytes.
 */
export interface FileValue {
  id: string
  name: string
  size?: number
  mime?: string
  key?: string
}

/** JSON Schema of an array of FileValue. */
export const FILES_SCHEMA: JsonSchema = {
  type: 'array',
  items: {
    type: 'object',
    required: ['id', 'name'],
    properties: {
      id: { type: 'string', minLength: 1 },
      name: { type: 'string', minLength: 1 },
      size: { type: 'number', minimum: 0 },
      mime: { type: 'string' },
      key: { type: 'string' },
    },
    additionalProperties: false,
  },
}

/** A behaviour for file-valued types: not pasteable from text; formatted as file names. */
export function filesBehaviour<T extends 'attachment' | 'image'>(type: T): FieldBehaviour<T> {
  return {
    type,
    computed: false,
    emptyValue: [],
    valueSchema: () => FILES_SCHEMA,
    parseText: text => (text.trim() === ''
      ? { ok: true, value: [] }
      : fail('文件不能通过粘贴文本填写，请上传', 'files cannot be pasted as text; upload them instead')),
    format: (value, _field, ctx) => (Array.isArray(value) ? value.map(f => (f as FileValue).name).join(listSeparator(ctx.locale)) : ''),
    compare: emptyLast((a, b) => compareNumbers((a as unknown[]).length, (b as unknown[]).length)),
    isEmpty: isEmptyValue,
    convertFrom: (value, from, to) => (from.type === 'attachment' || from.type === 'image'
      ? { ok: true, value }
      : notConvertible(value, from, to)),
    ...PRESENCE_TRAITS,
    newOptions: noOptionsOf<T>(),
  }
}
