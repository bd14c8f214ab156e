import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import dashboardSchema from '../../../../schemas/dashboard.schema.json'
import commonSchema from '../../../../schemas/common.schema.json'
import formSchema from '../../../../schemas/form.schema.json'
import { FIELD_TYPES, fieldRegistry } from '../../../../src/core/fields/registry'
import { FILTER_OPS } from '../../../../src/core/schema/filter'
import { SCHEMA_VERSION } from '../../../../src/core/schema/types'
import { WIDGET_TYPES } from '../../../../src/core/validation/widget-types'

type Defs = Record<string, { properties?: { type?: { const?: string } } }>

describe('schemas', () => {
  describe('form.schema.json', () => {
    it('should list exactly the registry field types as discriminated branches', () => {
      const defs = formSchema.$defs as unknown as Defs
      const consts = formSchema.$defs.field.oneOf.map(b => defs[b.$ref.replace('#/$defs/', '')]?.properties?.type?.const)
      expect([...consts].sort()).toEqual(Object.keys(fieldRegistry).sort())
    })

    it('should give every registry behaviour its own type', () => {
      for (const type of FIELD_TYPES) expect(fieldRegistry[type].type).toBe(type)
    })
  })

  describe('dashboard.schema.json', () => {
    it('should list exactly WIDGET_TYPES as widget types', () => {
      expect([...dashboardSchema.$defs.widgetType.enum].sort()).toEqual([...WIDGET_TYPES].sort())
    })
  })

  describe('common.schema.json', () => {
    it('should list exactly the filter ops of filter.ts', () => {
      expect([...commonSchema.$defs.filterOp.enum].sort()).toEqual([...FILTER_OPS].sort())
    })

    it('should require the current SCHEMA_VERSION', () => {
      expect(commonSchema.$defs.schemaVersion.const).toBe(SCHEMA_VERSION)
    })
  })

  describe('every schema file', () => {
    const dir = new URL('../../../../schemas/', import.meta.url)
    const files = readdirSync(dir).filter(f => f.endsWith('.schema.json'))

    it.each(files)('should have a funnelgrid $id and draft 2020-12: %s', (file) => {
      const schema = JSON.parse(readFileSync(new URL(file, dir), 'utf8')) as { $id: string, $schema: string }
      expect(schema.$id).toBe(`https://funnelgrid.dev/schemas/${file}`)
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema')
    })
  })
})
