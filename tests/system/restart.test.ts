import { sandboxDemoUsers } from '@accord/seeds';
import { afterEach, describe, expect, it } from 'vitest';
import { type RunningAccord, startAccord } from '../support/accord';
import { tempDatabaseFile, waitUntil } from '../support/processes';

let accord: RunningAccord | undefined;
afterEach(async () => {
  await accord?.process.stop();
  accord = undefined;
});

/** Sends `/help` as the member and waits for the bot's answer (it lists the commands) in their chat. */
async function askForHelp(running: RunningAccord, userId: number): Promise<boolean> {
  const before = (await running.sandbox.chat(userId)).messages.length;
  await running.sandbox.post('/sandbox/messages', { userId, text: '/help' });
  // Other messages may come meanwhile (the demo's reminders): the answer is the one listing commands.
  return waitUntil(async () => {
    const messages = (await running.sandbox.chat(userId)).messages.slice(before);
    return messages.some((m) => m.from === 'bot' && m.text?.includes('/deadlines'));
  }, 15_000);
}

describe('Accord started again on the same database', () => {
  it('answers the first messages after the restart (the sandbox does not number updates afresh)', async () => {
    const file = tempDatabaseFile();
    const member = sandboxDemoUsers()[0]?.id;
    if (member === undefined) throw new Error('no demo member');
    accord = await startAccord({ DATABASE_FILE: file });
    expect(await askForHelp(accord, member)).toBe(true);
    await accord.process.stop();
    accord = await startAccord({ DATABASE_FILE: file });
    expect(await askForHelp(accord, member)).toBe(true);
  });
});
