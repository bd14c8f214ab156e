/**
 * The one Ajv instance: draft 2020-12, discriminator on, all errors, strict. Document schemas
 * are added once and compiled on first use; ajv caches each compiled validator.
 */
import Ajv2020 from 'ajv/dist/2020'
import type { ValidateFunction } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import appSchema from '../../../schemas/app.schema.json'
import backupSchema from '../../../schemas/backup.schema.json'
import commonSchema from '../../../schemas/common.schema.json'
import dashboardSchema from '../../../schemas/dashboard.schema.json'
import formSchema from '../../../schemas/form.schema.json'
import settingsSchema from '../../../schemas/settings.schema.json'
import templateSchema from '../../../schemas/template.schema.json'
import viewSchema from '../../../schemas/view.schema.json'
import type { DocumentKind } from './kinds'
import { schemaIdOf } from './kinds'

let instance: Ajv2020 | undefined

/** The shared Ajv instance, created on first use with every FunnelGrid schema added. */
export function getAjv(): Ajv2020 {
  if (instance) return instance
  const ajv = new Ajv2020({
    discriminator: true,
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
  })
  addFormats(ajv)
  ajv.addKeyword({
    keyword: 'maxDecimals',
    type: 'number',
    schemaType: 'number',
    error: { message: cxt => `must have at most ${String(cxt.schema)} decimals` },
    validate: (limit: number, data: number) => decimalsOf(data) <= limit,
  })
  for (const schema of [commonSchema, settingsSchema, formSchema, viewSchema, dashboardSchema, appSchema, templateSchema, backupSchema]) {
    ajv.addSchema(schema)
  }
  instance = ajv
  return ajv
}

/** The compiled validator of a document kind. */
export function documentValidator(kind: DocumentKind): ValidateFunction {
  const validate = getAjv().getSchema(schemaIdOf(kind))
  if (!validate) throw new Error(`No schema for ${kind}`)
  return validate
}

/** Decimal places of a number as written by JS (1e-7 counts 7). */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0
  const [mantissa = '', exp] = String(n).toLowerCase().split('e')
  const frac = mantissa.split('.')[1]?.length ?? 0
  return Math.max(0, frac - Number(exp ?? 0))
}
