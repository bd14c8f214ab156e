/** Decimal places of a number as written by JS (1e-7 counts 7): the `maxDecimals` keyword. */
export function decimalsOf(n: number): number {
  if (!Number.isFinite(n) || Number.isInteger(n)) return 0
  const [mantissa = '', exp] = String(n).toLowerCase().split('e')
  const frac = mantissa.split('.')[1]?.length ?? 0
  return Math.max(0, frac - Number(exp ?? 0))
}
