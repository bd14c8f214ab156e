// The module tools/validators-plugin.ts generates: one ajv standalone validator per export.
declare module 'virtual:document-validators' {
  import type { ValidateFunction } from 'ajv/dist/2020'

  export const form: ValidateFunction
  export const view: ValidateFunction
  export const dashboard: ValidateFunction
  export const app: ValidateFunction
  export const template: ValidateFunction
  export const backup: ValidateFunction
  export const settings: ValidateFunction
  /** dashboard.schema.json `$defs/widget`. */
  export const widget: ValidateFunction
}
