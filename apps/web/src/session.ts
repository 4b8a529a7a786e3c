import type { Action } from '@accord/domain';
import { createAsync } from '@solidjs/router';
import { getSession } from './data';
import { can } from './lib/permissions';

/** The signed-in person and what their roles allow, for hiding controls they cannot use. */
export function useSession() {
  const session = createAsync(() => getSession());
  return {
    session,
    person: () => session()?.person ?? null,
    can: (action: Action) => can(session()?.person?.roles, action),
  };
}
