const TRUE = new Set(['是', 'true', '1', 'yes', 'y', '✓', '✔', '☑', '√', '对', 'on', 'x'])
const FALSE = new Set(['否', 'false', '0', 'no', 'n', '✗', '✘', '×', '☐', '不', '错', 'off', ''])

/** Reads a checkbox cell: 是/否, true/false, 1/0, yes/no, ✓/✗. Undefined when unrecognised. */
export function parseBooleanText(text: string): boolean | undefined {
  const s = text.trim().toLowerCase()
  if (TRUE.has(s)) return true
  if (FALSE.has(s)) return false
  return undefined
}
