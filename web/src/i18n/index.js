// Picks the language: ?lang= first, then <html lang>, then the browser's.
import en from './en.js';
import ko from './ko.js';

export const tables = { en, ko };

export function chooseLanguage(search = location.search, documentLang = document.documentElement.lang, navigatorLang = navigator.language) {
  const wanted = new URLSearchParams(search).get('lang') || documentLang || navigatorLang || 'en';
  const code = wanted.toLowerCase().split('-')[0];
  return Object.hasOwn(tables, code) ? code : 'en';
}

export function strings(code) {
  return Object.hasOwn(tables, code) ? tables[code] : en;
}

/** A figure's explanation: each paragraph is text, or a function of the figure's setup. */
export function paragraphs(text, setup) {
  return text.map((p) => (typeof p === 'function' ? p(setup) : p));
}
