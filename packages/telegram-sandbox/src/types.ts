import type { MessageEntity } from './telegram-types';

/** Telegram's flood limits as the sandbox models them; `false` switches one off. */
export interface SandboxLimits {
  global: { perSecond: number; burst: number } | false;
  privateChat: { perSecond: number; burst: number } | false;
  /** Sends and edits in one group together, in a sliding 60 s window. */
  group: { perMinute: number } | false;
}

export interface SandboxOptions {
  /** Default 0: a free port. The host is always 127.0.0.1. */
  port?: number;
  /** Default '123456:sandbox'. */
  token?: string;
  /** Default 'accord_sandbox_bot'. */
  botUsername?: string;
  /** Merged over the defaults; `false` switches every limit off. */
  limits?: Partial<SandboxLimits> | false;
  /** Default 15000: answering a callback query later fails with "query is too old". */
  callbackAnswerTimeoutMs?: number;
  /** Default 1. */
  firstUpdateId?: number;
}

export interface ButtonView {
  text: string;
  callback_data?: string;
  url?: string;
}

/** A message as the chat shows it now. */
export interface ChatMessageView {
  message_id: number;
  from: 'bot' | 'user';
  userId?: number;
  text?: string;
  caption?: string;
  /** The entities of the text, or of the caption for a document. */
  entities?: MessageEntity[];
  /** The last HTML the bot sent for this message, if it used parse_mode HTML. */
  html?: string;
  buttons: ButtonView[][];
  document?: { file_name: string; mime_type?: string; content: Buffer };
  edited: boolean;
  date: number;
}

export interface ChatView {
  id: number;
  type: 'private' | 'group';
  title?: string;
  messages: ChatMessageView[];
}

export interface ChatSummary {
  id: number;
  type: 'private' | 'group';
  title: string;
  messageCount: number;
}

export interface CallRecord {
  method: string;
  params: Record<string, unknown>;
  /** Arrival time, epoch ms. */
  at: number;
  ok: boolean;
  errorCode?: number;
  description?: string;
}

export interface LedgerEntry {
  seq: number;
  method: string;
  chatId: number;
  messageId: number;
  at: number;
  text?: string;
}

export interface SandboxStats {
  /** Accepted sends: the ledger's length. */
  accepted: number;
  /** Calls the sandbox's own limits refused (injected faults are not counted). */
  rejected429: number;
  /** Limited calls that arrived before a retry_after the sandbox had given for their scope expired. */
  earlyAfter429: number;
  /** Calls received per method, whatever their outcome. */
  byMethod: Record<string, number>;
}

export interface InjectedFault {
  method: string;
  /** Default 1. */
  times?: number;
  chatId?: number;
  error?: { error_code: number; description: string; retry_after?: number };
  /** Destroy the socket without answering. */
  drop?: boolean;
  /** Perform the call (it enters the ledger), then destroy the socket without answering. */
  acceptThenDrop?: boolean;
  delayMs?: number;
}

export interface CallbackAnswer {
  text?: string;
  show_alert?: boolean;
}
