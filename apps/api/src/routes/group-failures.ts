import { errorBody } from '../errors';
import type { GroupServiceError } from '../services/working-groups';

const failures: Record<GroupServiceError, [string, 400 | 404 | 409]> = {
  NotFound: ['Not found', 404],
  UnknownPerson: ['Someone in the list is not an active person', 400],
  NotAMember: ['The person responsible must be a member of the working group', 400],
  NotResponsible: ['Only the person responsible can do that', 409],
  TaskClosed: ['The task is closed', 409],
  NotLater: ['The new date must be after the current one', 400],
  AlreadyPending: ['An extension request is already waiting for a decision', 409],
  AlreadyDecided: ['The request has been decided already', 409],
};

/** A working-group service error as the API answers it. */
export const groupFailure = (error: GroupServiceError) => {
  const [message, status] = failures[error];
  return [errorBody(error, message), status] as const;
};
