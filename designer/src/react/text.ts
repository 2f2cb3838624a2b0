/** UI texts: Chinese first, English second. `say(locale, zh, en)` picks one; `both` shows both. */
import type { Locale, LocalText } from '@nongan/forms';

export const say = (locale: Locale, zh: string, en: string) => (locale === 'en' ? en : zh);
export const pick = (text: LocalText | undefined, locale: Locale) => (text ? (locale === 'en' ? text.en || text.zh : text.zh || text.en) : '');
export const both = (zh: string, en: string) => `${zh} / ${en}`;

export function errorText(error: unknown, locale: Locale): string {
  if (error && typeof error === 'object' && 'messageZh' in error && typeof (error as { messageZh: unknown }).messageZh === 'string') {
    const e = error as { messageZh: string; message: string };
    const en = e.message.includes(' / ') ? e.message.split(' / ').slice(1).join(' / ') : e.message;
    return locale === 'en' ? en : e.messageZh;
  }
  return error instanceof Error ? error.message : String(error);
}
