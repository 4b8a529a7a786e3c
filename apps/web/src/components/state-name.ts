import { createAsync } from '@solidjs/router';
import { getStates } from '../data';
import { useI18n } from '../i18n/context';

/** A member state's name in the reader's language, by its code (the code itself until the states load). */
export function useStateName() {
  const { language } = useI18n();
  const states = createAsync(() => getStates());
  return (code: string) => {
    const state = states()?.find((s) => s.code === code);
    return state ? (language() === 'ru' ? state.nameRu : state.nameEn) : code;
  };
}
