import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { FieldDef, FormDef } from '../../../../src/core/schema/types'
import { FIELD_TYPES } from '../../../../src/core/fields/registry'
import { getAjv } from '../../../../src/core/validation/ajv'
import { buildRecordSchema } from '../../../../src/core/validation/record/record-schema'
import { compileValueSchema, VALID_MEMO_LIMIT } from '../../../../src/core/validation/record/value-schema-check'
import { form } from '../../../fixtures/documents'
import { everyTypeFields, field } from '../../../fixtures/fields'

// The app checks record values without ajv's generated code (CSP forbids eval); ajv, run
// here in Node, is the reference: same errors, same order, on every field type and mode.
const FIELDS: FieldDef[] = [
  ...everyTypeFields(FIELD_TYPES).map(f => ({ ...f, required: f.type.length % 2 === 0 }) as FieldDef),
  field('number', { id: 'n2', options: { min: -5, max: 10, precision: 2 } }),
  field('rating', { id: 'r2', required: true }),
  field('text', { id: 't2', options: { maxLength: 4 } }),
  field('text', { id: 't3', options: { format: 'regex', pattern: '^[a-z]+$' } }),
  field('text', { id: 't4', options: { format: 'email' } }),
  field('text', { id: 't5', options: { format: 'phone' } }),
  field('date', { id: 'd2', options: { granularity: 'month' } }),
  field('date', { id: 'd3', options: { granularity: 'datetime' } }),
  field('member', { id: 'm2', options: { multiple: true } }),
  field('formula', { id: 'fx2', options: { expression: '"a"', resultType: 'text' } }),
]
const FORM: FormDef = form({ id: 'eq', fields: FIELDS, titleField: undefined, updatedAt: 1, trash: [{ field: field('text', { id: 'gone' }), deletedAt: 1, reason: 'delete' }] })

const scalar = fc.oneof(
  fc.constantFrom(null, '', 0, 1, -7, 2.5, 1.005, 11, 1e21, true, false, 'a', 'b', 's2', 'won', 'zz', 'abc', 'ABC', '2024-03-01', '2024-03-05', '2024-02-30',
    '2024-03-01T10:00:00Z', '2024-03-01T10:00:00', 'a@b.cn', 'not mail', '+86 138', 'www.example.com', 'm1', '😀😀😀😀', '😀😀😀😀😀'),
  fc.string({ maxLength: 6 }),
  fc.double({ noNaN: true }),
)
const value = fc.letrec(tie => ({
  v: fc.oneof({ depthSize: 'small' }, scalar, scalar, fc.array(tie('v'), { maxLength: 3 }), fc.dictionary(fc.constantFrom('id', 'name', 'size', 'city', 'item', 'qty', '_id', 'x', '__proto__'), tie('v'), { maxKeys: 3 })),
})).v
const values = fc.dictionary(fc.constantFrom(...FIELDS.map(f => f.id), 'gone', 'nope', 'constructor'), value, { maxKeys: 8 })

function strip(errors: readonly { instancePath: string, schemaPath: string, keyword: string, params: unknown, message?: string, data?: unknown }[]) {
  return errors.map(e => ({ instancePath: e.instancePath, schemaPath: e.schemaPath, keyword: e.keyword, params: e.params, message: e.message, data: e.data }))
}

describe('compileValueSchema', () => {
  for (const partial of [false, true]) {
    for (const computed of ['reject', 'ignore'] as const) {
      it(`should report what ajv reports (partial ${partial}, computed ${computed})`, () => {
        const schema = buildRecordSchema(FORM, { partial, computed })
        const ajv = getAjv().compile(schema)
        const mine = compileValueSchema(schema)
        fc.assert(fc.property(values, (v) => {
          ajv(v)
          expect(strip(mine(v))).toEqual(strip(ajv.errors ?? []))
        }), { numRuns: 2500 })
        getAjv().removeSchema(schema)
      }, 60_000)
    }
  }

  it('should remember valid values per property only, and stay right past the memo limit', () => {
    const f = form({ id: 'memo', fields: [field('select', { id: 's' }), field('text', { id: 't', options: { maxLength: 1 } }), field('number', { id: 'n', options: { max: 5000 } })], updatedAt: 1 })
    const check = compileValueSchema(buildRecordSchema(f, { partial: true, computed: 'reject' }))
    expect(check({ s: 'a', t: 'a' })).toEqual([])
    expect(check({ t: 'ab' }).map(e => e.keyword)).toEqual(['maxLength', 'if'])
    expect(check({ s: 'ab' }).map(e => e.keyword)).toEqual(['enum', 'if'])
    for (let i = 0; i < VALID_MEMO_LIMIT + 10; i++) expect(check({ n: i })).toEqual([])
    expect(check({ n: 7 })).toEqual([])
    expect(check({ n: 6000 }).map(e => e.keyword)).toEqual(['maximum', 'if'])
  })

  it('should refuse a keyword it does not know', () => {
    expect(() => compileValueSchema({ type: 'string', const: 'a' })).toThrow(/unsupported keyword const/)
  })
})
