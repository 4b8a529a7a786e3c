export type { PressedButton, SandboxDriver, SentUpdate } from './driver';
export { HtmlParseError, parseHtml } from './html';
export { type Sandbox, startSandbox } from './sandbox';
export type { NewGroup, NewUser } from './state';
export type {
  BotInfo,
  CallbackQuery,
  Chat,
  InlineKeyboardButton,
  InlineKeyboardMarkup,
  Message,
  MessageEntity,
  Update,
  User,
} from './telegram-types';
export type {
  ButtonView,
  CallbackAnswer,
  CallRecord,
  ChatMessageView,
  ChatSummary,
  ChatView,
  InjectedFault,
  LedgerEntry,
  SandboxLimits,
  SandboxOptions,
  SandboxStats,
} from './types';
