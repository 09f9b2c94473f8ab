import { z } from 'zod'

/** A user-visible string in every UI language (see i18nLangs.ts). */
export const LocalizedText = z.strictObject({ 'zh-CN': z.string().min(1), en: z.string().min(1) })
export type LocalizedText = z.infer<typeof LocalizedText>

/** Identifier used in data files: letters and digits, starting with a letter. */
export const DataId = z.string().regex(/^[A-Za-z][A-Za-z0-9_-]{0,63}$/)

/** Formats zod issues as one line per issue, prefixed with the data file's name. */
export function describeIssues(file: string, error: z.ZodError): string {
  const lines = error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`)
  return `${file} is invalid:\n${lines.join('\n')}`
}

/** Thrown when a finance data file or input fails validation. */
export class FinanceDataError extends Error {
  override name = 'FinanceDataError'
}
