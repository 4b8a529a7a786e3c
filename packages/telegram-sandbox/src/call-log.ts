import type { CallRecord } from './types';

/** Every Bot API call the sandbox received, with its outcome; appends are O(1). */
export class CallLog {
  private records: CallRecord[] = [];
  private counts = new Map<string, number>();

  record(call: CallRecord): void {
    this.records.push(call);
    this.counts.set(call.method, (this.counts.get(call.method) ?? 0) + 1);
  }

  list(filter: { method?: string; chatId?: number } = {}): CallRecord[] {
    return this.records.filter(
      (call) =>
        (filter.method === undefined || call.method === filter.method) &&
        (filter.chatId === undefined || Number(call.params.chat_id) === filter.chatId),
    );
  }

  byMethod(): Record<string, number> {
    return Object.fromEntries(this.counts);
  }

  reset(): void {
    this.records = [];
    this.counts.clear();
  }
}
