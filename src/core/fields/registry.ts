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

/** The behaviour of each field type. */
export const fieldRegistry: { readonly [T in FieldType]: FieldBehaviour<T> } = {
  text: textField,
  textarea: textareaField,
  number: numberField,
  money: moneyField,
  percent: percentField,
  date: dateField,
  select: selectField,
  multiselect: multiselectField,
  checkbox: checkboxField,
  rating: ratingField,
  member: memberField,
  relation: relationField,
  lookup: lookupField,
  rollup: rollupField,
  formula: formulaField,
  serial: serialField,
  attachment: attachmentField,
  image: imageField,
  subform: subformField,
  address: addressField,
  phone: phoneField,
  email: emailField,
  url: urlField,
  stage: stageField,
  separator: separatorField,
  description: descriptionField,
  createdAt: createdAtField,
  updatedAt: updatedAtField,
  createdBy: createdByField,
  updatedBy: updatedByField,
}

/** Every field type, in registry order. */
export const FIELD_TYPES = Object.keys(fieldRegistry) as FieldType[]

/** The behaviour of a field, typed for that field's variant. */
export function behaviourOf(field: FieldDef): FieldBehaviour {
  return fieldRegistry[field.type] as FieldBehaviour
}
