import type { Sandbox } from '@accord/telegram-sandbox';

export interface DeliveryCount {
  /** Every send the sandbox accepted (the ledger's length): the floor is this ÷ 30/s. */
  sends: number;
  /** Members with no ledger entry. */
  lost: number;
  /** Members with more than one ledger entry. */
  duplicated: number;
  duplicatedChats: number[];
}

/**
 * Follows the sandbox ledger as it grows: copies per member chat, and the instant (the ledger's
 * own `at`, epoch ms) of the entry that gave the last member their first message.
 */
export class DeliveryWatch {
  private consumed = 0;
  private missing: number;
  private readonly copies = new Map<number, number>();
  /** Epoch ms at which every member had a message; null until then. */
  completeAt: number | null = null;

  /** With `onlyNew`, what the ledger already holds is not counted: a later broadcast to the same members. */
  constructor(
    private readonly sandbox: Sandbox,
    memberChatIds: readonly number[],
    options: { onlyNew?: boolean } = {},
  ) {
    if (options.onlyNew) this.consumed = sandbox.driver.stats().accepted;
    for (const chat of memberChatIds) this.copies.set(chat, 0);
    this.missing = this.copies.size;
  }

  /** Ledger entries seen so far. */
  get size(): number {
    this.poll();
    return this.consumed;
  }

  poll(): void {
    if (this.sandbox.driver.stats().accepted === this.consumed) return;
    const entries = this.sandbox.driver.ledger();
    for (let i = this.consumed; i < entries.length; i++) {
      const entry = entries[i];
      if (entry === undefined) continue;
      const copies = this.copies.get(entry.chatId);
      if (copies === undefined) continue;
      if (copies === 0 && --this.missing === 0) this.completeAt = entry.at;
      this.copies.set(entry.chatId, copies + 1);
    }
    this.consumed = entries.length;
  }

  /** Resolves with `completeAt`, or null if some member still has nothing at the deadline. */
  async waitForEveryMember(timeoutMs: number): Promise<number | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      this.poll();
      if (this.completeAt !== null) return this.completeAt;
      if (Date.now() > deadline) return null;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  /**
   * Resolves as soon as the ledger holds `n` entries: polls every millisecond up to `n - 1`, then
   * spins on setImmediate, so the caller acts within a fraction of a millisecond of the n-th
   * acceptance — typically before the worker has read Telegram's answer and recorded the send.
   */
  async waitForSends(n: number, timeoutMs: number): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    const accepted = () => this.sandbox.driver.stats().accepted;
    while (accepted() < n - 1) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setTimeout(r, 1));
    }
    while (accepted() < n) {
      if (Date.now() > deadline) return false;
      await new Promise((r) => setImmediate(r));
    }
    return true;
  }

  count(): DeliveryCount {
    this.poll();
    const duplicatedChats = [...this.copies].filter(([, n]) => n > 1).map(([chat]) => chat);
    return {
      sends: this.consumed,
      lost: [...this.copies.values()].filter((n) => n === 0).length,
      duplicated: duplicatedChats.length,
      duplicatedChats,
    };
  }
}
