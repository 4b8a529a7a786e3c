import type { SandboxContext } from '../context';
import type { Params } from '../request-params';

/** A Bot API method: returns the `result`, or throws an `ApiError`. */
export type BotApiMethod = (ctx: SandboxContext, params: Params, signal: AbortSignal) => unknown;
