import { isRepresentationActive, type Person, type Representation } from './people';
import { err, ok, type Result } from './result';

export const LOGIN_LINK_TTL_MS = 10 * 60 * 1000;
/** A dashboard session ends after this long without a request. */
export const SESSION_IDLE_MS = 8 * 60 * 60 * 1000;

export interface LoginLink {
  personId: number;
  expiresAt: string;
  usedAt: string | null;
  revokedAt: string | null;
}

export type LoginError = 'LoginUnknown' | 'LoginUsed' | 'LoginExpired' | 'LoginRevoked' | 'PersonInactive';

/** Whether a sign-in link the bot sent may open a session now. */
export const decideLogin = (
  link: LoginLink,
  person: Pick<Person, 'active'> | undefined,
  now: string,
): Result<{ personId: number }, LoginError> => {
  if (link.revokedAt !== null) return err('LoginRevoked');
  if (link.usedAt !== null) return err('LoginUsed');
  if (Date.parse(link.expiresAt) <= Date.parse(now)) return err('LoginExpired');
  if (!person?.active) return err('PersonInactive');
  return ok({ personId: link.personId });
};

export type DeactivationError =
  | 'AlreadyInactive'
  | 'SuccessorIsSelf'
  | 'SuccessorInactive'
  | 'SuccessorRepresentsAnotherState';

export interface DeactivationPlan {
  /** Representations of the leaving person to end now. */
  endRepresentations: Representation[];
  /** The seats the successor takes over, if one was named. */
  successorSeats: Array<Pick<Representation, 'stateCode' | 'kind'>>;
}

/**
 * Replacing a representative: the leaving person's seats end now and, if a successor is named,
 * pass to them. History stays: nothing is deleted, the person is only made inactive.
 */
export const planDeactivation = (
  person: Pick<Person, 'id' | 'active'>,
  successor: Pick<Person, 'id' | 'active'> | null,
  representations: readonly Representation[],
  now: string,
): Result<DeactivationPlan, DeactivationError> => {
  if (!person.active) return err('AlreadyInactive');
  const seats = representations.filter((r) => r.personId === person.id && isRepresentationActive(r, now));
  if (successor) {
    if (successor.id === person.id) return err('SuccessorIsSelf');
    if (!successor.active) return err('SuccessorInactive');
    const successorStates = representations
      .filter((r) => r.personId === successor.id && isRepresentationActive(r, now))
      .map((r) => r.stateCode);
    if (successorStates.some((state) => seats.every((s) => s.stateCode !== state)))
      return err('SuccessorRepresentsAnotherState');
  }
  return ok({
    endRepresentations: seats,
    successorSeats: successor ? seats.map((s) => ({ stateCode: s.stateCode, kind: s.kind })) : [],
  });
};
