import type { Language } from '@accord/domain';
import {
  type Accessor,
  createContext,
  createEffect,
  createSignal,
  type ParentProps,
  useContext,
} from 'solid-js';
import { type FieldIssue, isApiError } from '../api';
import { type Dictionary, en, type MessageKey } from './en';
import {
  browserTimeZone,
  formatDate,
  formatDateTime,
  formatRange,
  interpolate,
  isValidTimeZone,
  type MessageVars,
  zoneLabel,
} from './format';
import { fieldIssueLabel } from './labels';
import { ru } from './ru';

const DICTIONARIES: Record<Language, Dictionary> = { en, ru };
const STORAGE_KEY = 'accord.language';

export interface I18n {
  /** The language the dashboard is shown in. */
  language: Accessor<Language>;
  /** Switches the language and remembers the choice in this browser. */
  setLanguage: (language: Language) => void;
  /** The text for `key` in the current language, `{name}` placeholders filled from `vars`. */
  t: (key: MessageKey, vars?: MessageVars) => string;
  /** The viewer's IANA time zone: the signed-in person's, else this browser's. */
  timeZone: Accessor<string>;
  /** An instant in `zone` (the viewer's by default), the zone named. */
  dateTime: (iso: string, zone?: string) => string;
  /** A span in `zone` (the viewer's by default), the zone named. */
  range: (startIso: string, endIso: string, zone?: string) => string;
  /** An instant in the viewer's zone without naming it, for a table whose heading does. */
  dateTimeShort: (iso: string) => string;
  /** A span in the viewer's zone without naming it, for a table whose heading does. */
  rangeShort: (startIso: string, endIso: string) => string;
  /** A calendar date in the viewer's zone. */
  date: (iso: string) => string;
  /** A zone's name and offset at an instant. */
  zone: (zone: string, iso?: string) => string;
  /** What to tell the reader about a failure: the dictionary's text for the API's code, else the API's message. */
  errorText: (error: unknown) => string;
  /** A field's problem as the API reported it, in the reader's language where the dictionary has it. */
  issueText: (issue: FieldIssue) => string;
  /** A BCP 47 locale for sorting and numbers. */
  locale: Accessor<string>;
}

const I18nContext = createContext<I18n>();

const isLanguage = (value: unknown): value is Language => value === 'ru' || value === 'en';
const isMessageKey = (key: string): key is MessageKey => Object.hasOwn(en, key);

const storedLanguage = (): Language | null => {
  try {
    const value = localStorage.getItem(STORAGE_KEY);
    return isLanguage(value) ? value : null;
  } catch {
    return null;
  }
};

const browserLanguage = (): Language => (navigator.language.toLowerCase().startsWith('en') ? 'en' : 'ru');

/**
 * Language and time for the pages below. The language is the one chosen in this browser, else the
 * signed-in person's, else the browser's; the `lang` attribute of the page follows it.
 */
export function I18nProvider(
  props: ParentProps<{ person: { language: Language; timeZone: string } | null | undefined }>,
) {
  const [chosen, setChosen] = createSignal<Language | null>(storedLanguage());
  const language = () => chosen() ?? props.person?.language ?? browserLanguage();
  const timeZone = () => {
    const zone = props.person?.timeZone;
    return zone && isValidTimeZone(zone) ? zone : browserTimeZone();
  };
  const t = (key: MessageKey, vars?: MessageVars) => interpolate(DICTIONARIES[language()][key], vars);

  const i18n: I18n = {
    language,
    setLanguage: (next) => {
      setChosen(next);
      try {
        localStorage.setItem(STORAGE_KEY, next);
      } catch {
        // Private browsing may refuse storage; the choice then lasts until the page is reloaded.
      }
    },
    t,
    timeZone,
    dateTime: (iso, zone) => formatDateTime(iso, zone ?? timeZone(), language()),
    range: (start, end, zone) => formatRange(start, end, zone ?? timeZone(), language()),
    dateTimeShort: (iso) => formatDateTime(iso, timeZone(), language(), false),
    rangeShort: (start, end) => formatRange(start, end, timeZone(), language(), false),
    date: (iso) => formatDate(iso, timeZone(), language()),
    zone: (zone, iso) => zoneLabel(iso ?? new Date().toISOString(), zone),
    errorText: (error) => {
      if (isApiError(error)) {
        const key = `error.${error.code}`;
        return isMessageKey(key) ? t(key) : error.message;
      }
      return error instanceof Error ? error.message : String(error);
    },
    issueText: (issue) => {
      const key = fieldIssueLabel(issue);
      return key ? t(key, { min: issue.limit ?? '', max: issue.limit ?? '' }) : issue.message;
    },
    locale: () => (language() === 'ru' ? 'ru-RU' : 'en-GB'),
  };

  createEffect(() => {
    document.documentElement.lang = language();
    document.title = `${t('app.name')} — ${t('app.tagline')}`;
  });

  return <I18nContext.Provider value={i18n}>{props.children}</I18nContext.Provider>;
}

/** The language and time helpers; only inside `I18nProvider`. */
export function useI18n(): I18n {
  const i18n = useContext(I18nContext);
  if (!i18n) throw new Error('useI18n needs an I18nProvider above it');
  return i18n;
}
