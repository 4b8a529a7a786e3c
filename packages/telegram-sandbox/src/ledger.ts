import type { LedgerEntry } from './types';

/** Every accepted send, in acceptance order, so a benchmark can count lost and duplicated deliveries. */
export class Ledger {
  private entries: LedgerEntry[] = [];

  record(entry: Omit<LedgerEntry, 'seq' | 'at'>): void {
    const { method, chatId, messageId, text } = entry;
    const seq = this.entries.length + 1;
    this.entries.push({
      seq,
      method,
      chatId,
      messageId,
      at: Date.now(),
      ...(text === undefined ? {} : { text }),
    });
  }

  get size(): number {
    return this.entries.length;
  }

  list(): LedgerEntry[] {
    return [...this.entries];
  }

  reset(): void {
    this.entries = [];
  }
}
