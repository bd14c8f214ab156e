/** Information functions: ISEMPTY, ISBLANK, ISNUMBER, ISTEXT, ISLOGICAL, ISDATE, ISERROR, ISNA, NA. */
import type { FormulaValue } from '../values'
import { errorValue, isDate, isEmptyValue, isError } from '../values'
import type { FormulaFunction } from './spec'
import { eager, sig } from './spec'

function test(name: string, predicate: (v: FormulaValue) => boolean): FormulaFunction {
  return eager(name, sig(1, 1, ['any']), 'boolean', ([v]) => predicate(v ?? null), { keepErrors: true })
}

/** Information functions; they never propagate errors. */
export const INFO_FUNCTIONS: readonly FormulaFunction[] = [
  test('ISEMPTY', v => !isError(v) && isEmptyValue(v)),
  test('ISBLANK', v => !isError(v) && isEmptyValue(v)),
  test('ISNOTEMPTY', v => !isError(v) && !isEmptyValue(v)),
  test('ISNUMBER', v => typeof v === 'number'),
  test('ISTEXT', v => typeof v === 'string' && v !== ''),
  test('ISLOGICAL', v => typeof v === 'boolean'),
  test('ISDATE', v => isDate(v)),
  test('ISERROR', v => isError(v)),
  test('ISNA', v => isError(v) && v.code === '#N/A'),
  eager('NA', sig(0, 0, []), 'any', () => errorValue('#N/A')),
]
