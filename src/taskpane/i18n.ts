import type { SpecId } from '../core/specs/types';
import zhCN from './locales/zh-CN.json';
import enUS from './locales/en-US.json';

/**
 * Every string the task pane shows lives in locales/zh-CN.json and locales/en-US.json; this
 * module looks them up. Pure: no DOM, no Office, so the tests check that both languages have
 * every key and the same `{placeholders}`.
 */

export type Lang = 'zh-CN' | 'en-US';
export const LANGS: readonly Lang[] = ['zh-CN', 'en-US'];

/** The Chinese file is the reference: a key missing from it is a type error where it is used. */
export type MessageKey = keyof typeof zhCN;

// en-US.json is checked against zh-CN.json key for key by the tests; the cast only names its type.
export const MESSAGES: Record<Lang, Record<MessageKey, string>> = { 'zh-CN': zhCN, 'en-US': enUS as Record<MessageKey, string> };

/** How a list of names is written in running text: 单位收入总表、单位支出总表 / 单位收入总表, 单位支出总表. */
export function joinList(lang: Lang, items: readonly string[]): string {
  return items.join(lang === 'zh-CN' ? '、' : ', ');
}

export type MessageParams = Record<string, string | number>;

/** A message to show later, in whichever language is current then. */
export interface Message {
  key: MessageKey;
  params?: MessageParams;
}

/** Looks a message up and fills in its `{placeholders}`; an unknown placeholder stays as written. */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const text = MESSAGES[lang][key] ?? MESSAGES['zh-CN'][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export function say(lang: Lang, m: Message): string {
  return t(lang, m.key, m.params);
}

/** Chinese for any Chinese display language (zh-CN, zh-TW, zh-HK…), English otherwise; Chinese when unknown. */
export function pickLanguage(displayLanguage: string | null | undefined): Lang {
  if (!displayLanguage) return 'zh-CN';
  return /^zh\b/i.test(displayLanguage.trim()) ? 'zh-CN' : 'en-US';
}

export function isLang(v: unknown): v is Lang {
  return v === 'zh-CN' || v === 'en-US';
}

/** A spec's name and one-line description in the pane's language, from the locale files. */
export function specText(lang: Lang, id: SpecId): { title: string; description: string } {
  return { title: t(lang, `spec.${id}.title` as MessageKey), description: t(lang, `spec.${id}.description` as MessageKey) };
}
