/**
 * Calendar errors carry both languages: configuration staff read Chinese, developers and logs read English.
 * The message is `中文 / English` so a single string works in either UI and in test assertions.
 */
export class CalendarError extends Error {
  override readonly name = 'CalendarError';
  readonly zh: string;
  readonly en: string;

  constructor(zh: string, en: string) {
    super(`${zh} / ${en}`);
    this.zh = zh;
    this.en = en;
  }
}

/** Short, safe rendering of an arbitrary input value for an error message (never dumps a whole object). */
export function describeValue(value: unknown): string {
  let text: string;
  try {
    text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
