import { CallLog } from './call-log';
import { FaultInjector } from './faults';
import { Ledger } from './ledger';
import { RateLimiter, resolveLimits } from './limits';
import { SandboxState } from './state';
import type { BotInfo, User } from './telegram-types';
import type { SandboxOptions } from './types';
import { UpdateQueue } from './updates';
import { WebhookDelivery } from './webhook';

export const DEFAULT_TOKEN = '123456:sandbox';
export const DEFAULT_BOT_USERNAME = 'accord_sandbox_bot';
const DEFAULT_CALLBACK_ANSWER_TIMEOUT_MS = 15_000;

/** Everything one sandbox holds; the Bot API methods, the HTTP server and the driver share it. */
export interface SandboxContext {
  token: string;
  botInfo: BotInfo;
  /** The bot as the `from` of its messages. */
  botUser: User;
  callbackAnswerTimeoutMs: number;
  state: SandboxState;
  updates: UpdateQueue;
  webhook: WebhookDelivery;
  limiter: RateLimiter;
  faults: FaultInjector;
  calls: CallLog;
  ledger: Ledger;
}

export function createContext(options: SandboxOptions = {}): SandboxContext {
  const token = options.token ?? DEFAULT_TOKEN;
  const updates = new UpdateQueue(options.firstUpdateId ?? 1);
  const botInfo = createBotInfo(token, options.botUsername ?? DEFAULT_BOT_USERNAME);
  return {
    token,
    botInfo,
    botUser: { id: botInfo.id, is_bot: true, first_name: botInfo.first_name, username: botInfo.username },
    callbackAnswerTimeoutMs: options.callbackAnswerTimeoutMs ?? DEFAULT_CALLBACK_ANSWER_TIMEOUT_MS,
    state: new SandboxState(),
    updates,
    webhook: new WebhookDelivery(updates),
    limiter: new RateLimiter(resolveLimits(options.limits)),
    faults: new FaultInjector(),
    calls: new CallLog(),
    ledger: new Ledger(),
  };
}

/** The bot's id is the token's numeric prefix, as in Telegram. */
function createBotInfo(token: string, username: string): BotInfo {
  const id = Number(token.split(':')[0]);
  return {
    id: Number.isSafeInteger(id) && id > 0 ? id : 123456,
    is_bot: true,
    first_name: 'Accord Sandbox',
    username,
    can_join_groups: true,
    can_read_all_group_messages: false,
    supports_inline_queries: false,
    can_connect_to_business: false,
    has_main_web_app: false,
    has_topics_enabled: false,
    allows_users_to_create_topics: false,
    can_manage_bots: false,
    supports_join_request_queries: false,
  };
}
