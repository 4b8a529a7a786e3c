import { setTimeout as sleep } from 'node:timers/promises';
import type { Update } from './telegram-types';
import type { UpdateQueue } from './updates';

const MAX_ATTEMPTS = 3;
const FIRST_BACKOFF_MS = 100;
const ATTEMPT_TIMEOUT_MS = 10_000;

export interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
}

/**
 * Posts queued updates to the webhook one at a time, in order, with the secret header; a failed
 * delivery is retried a few times with a doubling back-off, then given up so the queue moves on.
 */
export class WebhookDelivery {
  private config: WebhookConfig | undefined;
  private running = false;
  private stopper = new AbortController();
  lastError: { date: number; message: string } | undefined;

  constructor(private readonly queue: UpdateQueue) {
    queue.onQueued = () => this.kick();
  }

  get current(): WebhookConfig | undefined {
    return this.config;
  }

  set(config: WebhookConfig): void {
    this.stop();
    this.config = config;
    this.queue.setWebhookActive(true);
    this.kick();
  }

  delete(): void {
    this.stop();
    this.config = undefined;
    this.lastError = undefined;
    this.queue.setWebhookActive(false);
  }

  /** Aborts the delivery in flight; the update stays queued. */
  private stop(): void {
    this.stopper.abort();
    this.stopper = new AbortController();
  }

  private kick(): void {
    if (this.config === undefined || this.running) return;
    this.running = true;
    void this.run();
  }

  private async run(): Promise<void> {
    try {
      for (let update = this.queue.peek(); update !== undefined && this.config !== undefined; ) {
        const signal = this.stopper.signal;
        await this.deliver(update, this.config, signal);
        // Stopped mid-delivery: the update stays for the next webhook or getUpdates.
        if (!signal.aborted) this.queue.shift(update);
        update = this.queue.peek();
      }
    } finally {
      this.running = false;
    }
  }

  private async deliver(update: Update, config: WebhookConfig, signal: AbortSignal): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS && !signal.aborted; attempt++) {
      try {
        const response = await fetch(config.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            ...(config.secretToken === undefined
              ? {}
              : { 'x-telegram-bot-api-secret-token': config.secretToken }),
          },
          body: JSON.stringify(update),
          signal: AbortSignal.any([signal, AbortSignal.timeout(ATTEMPT_TIMEOUT_MS)]),
        });
        await response.arrayBuffer();
        if (response.ok) return;
        this.lastError = {
          date: Math.floor(Date.now() / 1000),
          message: `Wrong response from the webhook: ${response.status} ${response.statusText}`,
        };
      } catch (error) {
        if (signal.aborted) return;
        this.lastError = { date: Math.floor(Date.now() / 1000), message: describeFailure(error) };
      }
      if (attempt < MAX_ATTEMPTS) {
        await sleep(FIRST_BACKOFF_MS * 2 ** (attempt - 1), undefined, { signal }).catch(() => undefined);
      }
    }
  }
}

function describeFailure(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  return cause instanceof Error ? cause.message : String(cause);
}
