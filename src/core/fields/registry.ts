/**
 * Every field type's behaviour, keyed by type. The mapped type makes the map exhaustive:
 * a new FieldDef variant does not compile until its behaviour is listed here.
 */
import type { FieldDef, FieldType } from '../schema/types'
import type { FieldBehaviour } from './behaviour'
import { addressField } from './address.field'
import { attachmentField } from './attachment.field'
import { checkboxField } from './checkbox.field'
import { createdAtField } from './createdAt.field'
import { createdByField } from './createdBy.field'
import { dateField } from './date.field'
import { descriptionField } from './description.field'
import { emailField } from './email.field'
import { formulaField } from './formula.field'
import { imageField } from './image.field'
import { lookupField } from './lookup.field'
import { memberField } from './member.field'
import { moneyField } from './money.field'
import { multiselectField } from './multiselect.field'
import { numberField } from './number.field'
import { percentField } from './percent.field'
import { phoneField } from './phone.field'
import { ratingField } from './rating.field'
import { relationField } from './relation.field'
import { rollupField } from './rollup.field'
import { scoreField } from './score.field'
import { selectField } from './select.field'
import { separatorField } from './separator.field'
import { serialField } from './serial.field'
import { stageField } from './stage.field'
import { subformField } from './subform.field'
import { textField } from './text.field'
import { textareaField } from './textarea.field'
import { updatedAtField } from './updatedAt.field'
import { updatedByField } from './updatedBy.field'
import { urlField } from './url.field'

/** The behaviour of each field type, in the designer palette's order. */
export const fieldRegistry: { readonly [T in FieldType]: FieldBehaviour<T> } = {
  text: textField,
  textarea: textareaField,
  number: numberField,
  money: moneyField,
  percent: percentField,
  date: dateField,
  checkbox: checkboxField,
  rating: ratingField,
  phone: phoneField,
  email: emailField,
  url: urlField,
  address: addressField,
  select: selectField,
  multiselect: multiselectField,
  stage: stageField,
  member: memberField,
  relation: relationField,
  lookup: lookupField,
  rollup: rollupField,
  formula: formulaField,
  score: scoreField,
  serial: serialField,
  attachment: attachmentField,
  image: imageField,
  subform: subformField,
  createdAt: createdAtField,
  updatedAt: updatedAtField,
  createdBy: createdByField,
  updatedBy: updatedByField,
  separator: separatorField,
  description: descriptionField,
}

/** Every field type, in registry order. */
export const FIELD_TYPES = Object.keys(fieldRegistry) as FieldType[]

/** The behaviour of a field, typed for that field's variant. */
export function behaviourOf(field: FieldDef): FieldBehaviour {
  return fieldRegistry[field.type] as FieldBehaviour
}

/** The types whose behaviour satisfies `test`, in registry order: the lists other layers need ("numeric types", "date types") derived from the traits. */
export function typesWhere(test: (b: FieldBehaviour) => boolean): FieldType[] {
  return FIELD_TYPES.filter(t => test(fieldRegistry[t] as FieldBehaviour))
}

/** Types a sum, average or amount can use: amounts and other numbers. */
export const NUMERIC_TYPES: readonly FieldType[] = typesWhere(b => b.measure === 'amount' || b.measure === 'number')

/** Types that hold no value (separators, descriptions): layout only. */
export function holdsNoValue(field: FieldDef): boolean {
  return behaviourOf(field).queryKind(field) === 'none'
}
