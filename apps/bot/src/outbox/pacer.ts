/**
 * Keeps the dispatcher under Telegram's limits before Telegram has to say so: a token bucket
 * for the overall rate, a minimum interval per chat (private chats and groups differ), and a
 * global pause after a 429. Uses a monotonic clock in milliseconds.
 */
export interface PacerOptions {
  ratePerSecond: number;
  burst: number;
  privateChatIntervalMs: number;
  groupChatIntervalMs: number;
}

export function createPacer(options: PacerOptions, now: () => number = () => performance.now()) {
  let tokens = options.burst;
  let refilledAt = now();
  let pausedUntil = 0;
  const chatReadyAt = new Map<number, number>();

  const refill = () => {
    const t = now();
    tokens = Math.min(options.burst, tokens + ((t - refilledAt) * options.ratePerSecond) / 1000);
    refilledAt = t;
    return t;
  };

  return {
    /** How many sends may start now (whole tokens, nothing while paused). */
    available(): number {
      const t = refill();
      return t < pausedUntil ? 0 : Math.floor(tokens);
    },
    /** Milliseconds until the next send may start. */
    waitMs(): number {
      const t = refill();
      if (t < pausedUntil) return pausedUntil - t;
      return tokens >= 1 ? 0 : ((1 - tokens) * 1000) / options.ratePerSecond;
    },
    take(n: number): void {
      refill();
      tokens -= n;
    },
    /** Gives back a token that was not used (the row was deferred or could not be rendered). */
    refund(): void {
      tokens = Math.min(options.burst, tokens + 1);
    },
    pauseFor(ms: number): void {
      pausedUntil = Math.max(pausedUntil, now() + ms);
    },
    /** Milliseconds until this chat may get its next message; 0 if now. */
    chatWaitMs(chatId: number): number {
      return Math.max(0, (chatReadyAt.get(chatId) ?? 0) - now());
    },
    markChatSent(chatId: number): void {
      // Group chat ids are negative in Telegram.
      const interval = chatId < 0 ? options.groupChatIntervalMs : options.privateChatIntervalMs;
      chatReadyAt.set(chatId, now() + interval);
      if (chatReadyAt.size > 50_000) {
        const t = now();
        for (const [id, at] of chatReadyAt) if (at < t) chatReadyAt.delete(id);
      }
    },
  };
}

export type Pacer = ReturnType<typeof createPacer>;
