/**
 * The Ajv setup of the document schemas: draft 2020-12, discriminator on, all errors, strict.
 * The app does not run it: ajv compiles with `new Function`, which the CSP forbids, so the
 * build generates the document validators ahead of time from this same setup
 * (tools/validators-plugin.ts, imported as `virtual:document-validators`) and record values
 * go through value-schema-check. Node code (tests, the plugin) uses it directly.
 */
import Ajv2020 from 'ajv/dist/2020'
import type { Options } from 'ajv/dist/2020'
import addFormats from 'ajv-formats'
import appSchema from '../../../schemas/app.schema.json'
import automationSchema from '../../../schemas/automation.schema.json'
import backupSchema from '../../../schemas/backup.schema.json'
import commonSchema from '../../../schemas/common.schema.json'
import dashboardSchema from '../../../schemas/dashboard.schema.json'
import formSchema from '../../../schemas/form.schema.json'
import settingsSchema from '../../../schemas/settings.schema.json'
import templateSchema from '../../../schemas/template.schema.json'
import viewSchema from '../../../schemas/view.schema.json'
import { decimalsOf } from './decimals'

let instance: Ajv2020 | undefined

/** The shared Ajv instance, created on first use with every FunnelGrid schema added. */
export function getAjv(): Ajv2020 {
  instance ??= createAjv()
  return instance
}

/** A new Ajv instance with every FunnelGrid schema added; `extra` options on top (code generation). */
export function createAjv(extra: Options = {}): Ajv2020 {
  const ajv = new Ajv2020({
    discriminator: true,
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    allowUnionTypes: true,
    ...extra,
  })
  addFormats(ajv)
  ajv.addKeyword({
    keyword: 'maxDecimals',
    type: 'number',
    schemaType: 'number',
    error: { message: cxt => `must have at most ${String(cxt.schema)} decimals` },
    validate: (limit: number, data: number) => decimalsOf(data) <= limit,
  })
  for (const schema of [commonSchema, settingsSchema, formSchema, viewSchema, dashboardSchema, automationSchema, appSchema, templateSchema, backupSchema]) {
    ajv.addSchema(schema)
  }
  return ajv
}
