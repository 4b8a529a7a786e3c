import { type ApiError, conflictWithPoller, conflictWithWebhook } from './errors';
import type { Update } from './telegram-types';

/** What Telegram sends when allowed_updates is empty or was never given. */
const DEFAULT_EXCLUDED = new Set(['chat_member', 'message_reaction', 'message_reaction_count']);

interface Entry {
  update: Update;
  /** A replayed update keeps its old id, so an offset the bot already passed must not confirm it unseen. */
  replayed: boolean;
  delivered: boolean;
}

interface Waiter {
  limit: number;
  resolve: (updates: Update[]) => void;
  reject: (error: ApiError) => void;
  timer: NodeJS.Timeout;
}

export interface PollRequest {
  offset?: number;
  limit: number;
  timeoutSeconds: number;
  allowedUpdates?: string[];
  signal: AbortSignal;
}

/**
 * Telegram's queue of unconfirmed updates: getUpdates' long polling (one poller at a time) or a
 * webhook reads it. Delivered updates always form a prefix of the queue.
 */
export class UpdateQueue {
  private nextId: number;
  private entries: Entry[] = [];
  private head = 0;
  private readonly byId = new Map<number, Update>();
  private allowed: Set<string> | undefined;
  private waiter: Waiter | undefined;
  private flushScheduled = false;
  webhookActive = false;
  /** Called when an update is queued, so a webhook can deliver it. */
  onQueued: () => void = () => {};

  constructor(firstUpdateId: number) {
    this.nextId = firstUpdateId;
  }

  get size(): number {
    return this.entries.length - this.head;
  }

  /** Gives the update its id, remembers it for replay and queues it unless allowed_updates excludes it. */
  push(payload: Omit<Update, 'update_id'>): Update {
    const update: Update = { update_id: this.nextId++, ...payload };
    this.byId.set(update.update_id, update);
    if (this.isAllowed(update)) this.enqueue({ update, replayed: false, delivered: false });
    return update;
  }

  /** Queues the very same update (same update_id) again. */
  replay(updateId: number): void {
    const update = this.byId.get(updateId);
    if (update === undefined) throw new Error(`telegram-sandbox: no update ${updateId} to replay`);
    this.enqueue({ update, replayed: true, delivered: false });
  }

  async poll(request: PollRequest): Promise<Update[]> {
    if (this.webhookActive) throw conflictWithWebhook();
    if (request.allowedUpdates !== undefined) this.setAllowedUpdates(request.allowedUpdates);
    if (request.offset !== undefined) this.confirm(request.offset);
    // Telegram ends the earlier request when a second poller arrives.
    this.endWaiter((waiter) => waiter.reject(conflictWithPoller()));
    const ready = this.take(request.limit);
    if (ready.length > 0 || request.timeoutSeconds <= 0 || request.signal.aborted) return ready;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        limit: request.limit,
        resolve,
        reject,
        timer: setTimeout(() => this.endWaiter((w) => w.resolve([]), waiter), request.timeoutSeconds * 1000),
      };
      this.waiter = waiter;
      request.signal.addEventListener('abort', () => this.endWaiter((w) => w.resolve([]), waiter), {
        once: true,
      });
    });
  }

  /** The next update for a webhook, without confirming it. */
  peek(): Update | undefined {
    return this.entries[this.head]?.update;
  }

  /** Confirms the head update after a webhook delivery (or its last failed attempt). */
  shift(update: Update): void {
    if (this.peek() === update) this.dropHead();
  }

  setAllowedUpdates(types: string[]): void {
    this.allowed = types.length === 0 ? undefined : new Set(types);
  }

  /** While a webhook is set, getUpdates conflicts; a pending long poll ends with that conflict. */
  setWebhookActive(active: boolean): void {
    this.webhookActive = active;
    if (active) this.endWaiter((waiter) => waiter.reject(conflictWithWebhook()));
  }

  clear(): void {
    this.entries = [];
    this.head = 0;
  }

  /** Ends a pending long poll with no updates. */
  close(): void {
    this.endWaiter((waiter) => waiter.resolve([]));
  }

  reset(): void {
    this.close();
    this.clear();
    this.byId.clear();
    this.allowed = undefined;
    this.webhookActive = false;
  }

  private isAllowed(update: Update): boolean {
    const type = Object.keys(update).find((key) => key !== 'update_id') ?? '';
    return this.allowed === undefined ? !DEFAULT_EXCLUDED.has(type) : this.allowed.has(type);
  }

  private enqueue(entry: Entry): void {
    this.entries.push(entry);
    this.onQueued();
    if (this.waiter !== undefined && !this.flushScheduled) {
      // Answer on the next tick so updates queued together arrive in one batch.
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        this.endWaiter((waiter) => waiter.resolve(this.take(waiter.limit)));
      });
    }
  }

  /** Telegram's offset: a positive one confirms every update below it, a negative one keeps the last -offset. */
  private confirm(offset: number): void {
    if (offset < 0) {
      while (this.size > -offset) this.dropHead();
      return;
    }
    for (let entry = this.entries[this.head]; entry !== undefined; entry = this.entries[this.head]) {
      const confirmable = entry.update.update_id < offset && (entry.delivered || !entry.replayed);
      if (!confirmable) return;
      this.dropHead();
    }
  }

  /**
   * Up to `limit` updates from the head, marked delivered. A batch never goes back in update_id
   * (a replayed update comes alone), because clients take the last id of a batch as their offset.
   */
  private take(limit: number): Update[] {
    const batch: Update[] = [];
    for (let i = this.head; i < this.entries.length && batch.length < limit; i++) {
      const entry = this.entries[i];
      const previous = batch.at(-1);
      if (entry === undefined || (previous !== undefined && entry.update.update_id <= previous.update_id)) {
        break;
      }
      entry.delivered = true;
      batch.push(entry.update);
    }
    return batch;
  }

  private dropHead(): void {
    this.head++;
    // Compact now and then so the array does not grow without bound.
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
  }

  private endWaiter(end: (waiter: Waiter) => void, only?: Waiter): void {
    const waiter = this.waiter;
    if (waiter === undefined || (only !== undefined && waiter !== only)) return;
    this.waiter = undefined;
    clearTimeout(waiter.timer);
    end(waiter);
  }
}
