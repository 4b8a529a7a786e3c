import type { InjectedFault } from './types';

interface ArmedFault {
  fault: InjectedFault;
  remaining: number;
}

/** Injected faults, matched by method (and chat) and spent one call at a time. */
export class FaultInjector {
  private armed: ArmedFault[] = [];

  add(fault: InjectedFault): void {
    const remaining = fault.times ?? 1;
    if (!Number.isInteger(remaining) || remaining < 1) {
      throw new Error(`telegram-sandbox: a fault's times must be a positive integer, got ${fault.times}`);
    }
    this.armed.push({ fault, remaining });
  }

  /** The first fault that matches this call, spending one of its times. */
  take(method: string, chatId: number | undefined): InjectedFault | undefined {
    const index = this.armed.findIndex(
      ({ fault }) =>
        fault.method.toLowerCase() === method.toLowerCase() &&
        (fault.chatId === undefined || fault.chatId === chatId),
    );
    const armed = this.armed[index];
    if (armed === undefined) return undefined;
    armed.remaining--;
    if (armed.remaining === 0) this.armed.splice(index, 1);
    return armed.fault;
  }

  reset(): void {
    this.armed = [];
  }
}
