/**
 * The record form's input per field type, as an exhaustive map: a new field type does not
 * compile until it has one. Every input takes `field`, `modelValue`, `disabled` and emits
 * `update:modelValue`.
 */
import type { Component } from 'vue'
import type { FieldType } from '@/core/schema/types'
import { fieldRegistry } from '@/core/fields'
import FormAddressInput from './FormAddressInput.vue'
import FormChoiceInput from './FormChoiceInput.vue'
import FormComputedValue from './FormComputedValue.vue'
import FormDateInput from './FormDateInput.vue'
import FormFileInput from './FormFileInput.vue'
import FormLayoutItem from './FormLayoutItem.vue'
import FormNumberInput from './FormNumberInput.vue'
import FormRelationInput from './FormRelationInput.vue'
import FormSimpleInput from './FormSimpleInput.vue'
import FormSubformInput from './FormSubformInput.vue'
import FormTextInput from './FormTextInput.vue'

/** The input component of each field type. */
export const FORM_INPUTS: Readonly<Record<FieldType, Component>> = {
  text: FormTextInput,
  textarea: FormTextInput,
  phone: FormTextInput,
  email: FormTextInput,
  url: FormTextInput,
  number: FormNumberInput,
  money: FormNumberInput,
  percent: FormNumberInput,
  date: FormDateInput,
  select: FormChoiceInput,
  multiselect: FormChoiceInput,
  stage: FormChoiceInput,
  checkbox: FormSimpleInput,
  rating: FormSimpleInput,
  member: FormSimpleInput,
  relation: FormRelationInput,
  lookup: FormComputedValue,
  rollup: FormComputedValue,
  formula: FormComputedValue,
  score: FormComputedValue,
  serial: FormComputedValue,
  createdAt: FormComputedValue,
  updatedAt: FormComputedValue,
  createdBy: FormComputedValue,
  updatedBy: FormComputedValue,
  attachment: FormFileInput,
  image: FormFileInput,
  subform: FormSubformInput,
  address: FormAddressInput,
  separator: FormLayoutItem,
  description: FormLayoutItem,
}

/** Columns (of 4) a field spans in the form layout. */
export function fieldSpan(field: { type: FieldType, width?: 1 | 2 | 3 | 4 }): number {
  return field.width ?? (fieldRegistry[field.type].wide ? 4 : 2)
}
