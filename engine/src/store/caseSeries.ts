/**
 * The shape of a 受理编号 (`济源-2026-000123`): a series and a zero-padded sequence. Stores read it
 * back after an import, so their counters start above every restored case's number.
 */

/** Digits of the sequence part: six, so numbers sort as text within a series up to 999,999 cases a year. */
const DIGITS = 6;

export function formatCaseNumber(series: string, sequence: number): string {
  return `${series}-${String(sequence).padStart(DIGITS, '0')}`;
}

/** The series and sequence of a case number this engine formatted; undefined for anything else. */
export function parseCaseNumber(caseNumber: unknown): { series: string; sequence: number } | undefined {
  if (typeof caseNumber !== 'string') return undefined;
  const match = /^(.+)-(\d{6,})$/u.exec(caseNumber);
  if (!match) return undefined;
  return { series: match[1]!, sequence: Number(match[2]) };
}

/** The highest sequence of each series among `caseNumbers`: what a store raises its counters to after an import. */
export function highestOfSeries(caseNumbers: Iterable<string | undefined>): Map<string, number> {
  const highest = new Map<string, number>();
  for (const caseNumber of caseNumbers) {
    const parsed = parseCaseNumber(caseNumber);
    if (parsed && parsed.sequence > (highest.get(parsed.series) ?? 0)) highest.set(parsed.series, parsed.sequence);
  }
  return highest;
}
