import type { BotCommand, Chat, Message, User } from './telegram-types';
import type { CallbackAnswer } from './types';

export interface StoredFile {
  fileId: string;
  fileUniqueId: string;
  fileName: string;
  mimeType?: string;
  content: Buffer;
}

export interface StoredMessage {
  /** The Bot API object as it is now: edits are applied to it. */
  message: Message;
  from: 'bot' | 'user';
  userId?: number;
  html?: string;
  file?: StoredFile;
  edited: boolean;
}

export interface ChatRecord {
  chat: Chat;
  memberIds: Set<number>;
  nextMessageId: number;
  /** In sending order; a Map keeps lookups by id O(1) and iterates in insertion order. */
  messages: Map<number, StoredMessage>;
}

export interface CallbackRecord {
  createdAt: number;
  answered: boolean;
  answer?: CallbackAnswer;
}

export interface NewUser {
  id: number;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
}

export interface NewGroup {
  id: number;
  title: string;
  memberIds?: number[];
}

/** Users, chats and their messages, files, callback queries and the bot's commands. */
export class SandboxState {
  readonly users = new Map<number, User>();
  readonly blocked = new Set<number>();
  readonly chats = new Map<number, ChatRecord>();
  readonly files = new Map<string, StoredFile>();
  readonly callbacks = new Map<string, CallbackRecord>();
  readonly commands = new Map<string, BotCommand[]>();
  private nextFile = 1;
  private nextCallback = 1;

  /** Adds a user and their private chat; adding again updates the names. */
  addUser(input: NewUser): User {
    if (!Number.isSafeInteger(input.id) || input.id <= 0) {
      throw new Error(`telegram-sandbox: a user id must be a positive integer, got ${input.id}`);
    }
    const user: User = { id: input.id, is_bot: false, first_name: input.first_name };
    if (input.last_name !== undefined) user.last_name = input.last_name;
    if (input.username !== undefined) user.username = input.username;
    if (input.language_code !== undefined) user.language_code = input.language_code;
    this.users.set(user.id, user);

    const chat: Chat = { id: user.id, type: 'private', first_name: user.first_name };
    if (user.last_name !== undefined) chat.last_name = user.last_name;
    if (user.username !== undefined) chat.username = user.username;
    const existing = this.chats.get(user.id);
    if (existing === undefined) {
      this.chats.set(user.id, { chat, memberIds: new Set([user.id]), nextMessageId: 1, messages: new Map() });
    } else {
      existing.chat = chat;
    }
    return user;
  }

  /** Adds a group (a negative id); adding again renames it and adds members. */
  addGroup(input: NewGroup): ChatRecord {
    if (!Number.isSafeInteger(input.id) || input.id >= 0) {
      throw new Error(`telegram-sandbox: a group id must be a negative integer, got ${input.id}`);
    }
    const chat: Chat = { id: input.id, type: 'group', title: input.title };
    const record = this.chats.get(input.id) ?? {
      chat,
      memberIds: new Set<number>(),
      nextMessageId: 1,
      messages: new Map<number, StoredMessage>(),
    };
    record.chat = chat;
    for (const id of input.memberIds ?? []) record.memberIds.add(id);
    this.chats.set(input.id, record);
    return record;
  }

  /** Appends a message with the chat's next message_id. */
  appendMessage(
    record: ChatRecord,
    build: (base: { message_id: number; date: number; chat: Chat }) => Message,
    details: Omit<StoredMessage, 'message' | 'edited'>,
  ): StoredMessage {
    const message = build({ message_id: record.nextMessageId++, date: unixTime(), chat: record.chat });
    const stored: StoredMessage = { ...details, message, edited: false };
    record.messages.set(message.message_id, stored);
    return stored;
  }

  storeFile(fileName: string, mimeType: string | undefined, content: Buffer): StoredFile {
    const n = this.nextFile++;
    const file: StoredFile = {
      fileId: `BQACAgIAAxkBAAIsandbox${n}`,
      fileUniqueId: `AgADsandbox${n}`,
      fileName,
      content,
      ...(mimeType === undefined ? {} : { mimeType }),
    };
    this.files.set(file.fileId, file);
    return file;
  }

  newCallbackQuery(now: number): string {
    const id = String(4_300_000_000_000_000 + this.nextCallback++);
    this.callbacks.set(id, { createdAt: now, answered: false });
    return id;
  }

  reset(): void {
    this.users.clear();
    this.blocked.clear();
    this.chats.clear();
    this.files.clear();
    this.callbacks.clear();
    this.commands.clear();
  }
}

export const unixTime = (now = Date.now()): number => Math.floor(now / 1000);
