import type { LedgerEntry } from './types';

/** Every accepted send, in acceptance order, so a benchmark can count lost and duplicated deliveries. */
export class Ledger {
  private entries: LedgerEntry[] = [];

  record(entry: Omit<LedgerEntry, 'seq' | 'at'>): void {
    this.entries.push({ seq: this.entries.length + 1, at: Date.now(), ...entry });
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
