/**
 * The validator of each document kind, generated at build time from schemas/*.json
 * (tools/validators-plugin.ts): no ajv compiler, no `new Function`, at run time.
 */
import type { ValidateFunction } from 'ajv/dist/2020'
import type { DocumentKind } from './kinds'
import * as generated from 'virtual:document-validators'

const BY_KIND: Record<DocumentKind, ValidateFunction> = {
  form: generated.form,
  view: generated.view,
  dashboard: generated.dashboard,
  app: generated.app,
  template: generated.template,
  backup: generated.backup,
  settings: generated.settings,
}

/** The validator of a document kind. */
export function documentValidator(kind: DocumentKind): ValidateFunction {
  return BY_KIND[kind]
}

/** dashboard.schema.json `$defs/widget`: one widget, its config checked for its type. */
export const widgetValidator: ValidateFunction = generated.widget
