import { encodeBallotButton, type VoteChoice } from '@accord/domain';
import { sandboxDemoUsers } from '@accord/seeds';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningAccord, startAccord } from '../support/accord';
import { launchChromium, screenshots, signInOnDashboard } from '../support/browser';
import { waitUntil } from '../support/processes';

let accord: RunningAccord;
let browser: Browser;
let context: BrowserContext;
/** The secretary's ballot page, left open for the whole vote, and her Chats page beside it. */
let ballot: Page;
let chats: Page;

beforeAll(async () => {
  accord = await startAccord();
  browser = await launchChromium();
  context = await browser.newContext();
  await context.addInitScript("localStorage.setItem('accord.language', 'en')");
  ballot = await context.newPage();
  chats = await context.newPage();
});
afterAll(async () => {
  await browser?.close();
  await accord?.process.stop();
});

const stateRow = (name: string) =>
  ballot.getByRole('row').filter({ has: ballot.getByRole('rowheader', { name }) });
/** A count of the tally as shown: its label and number. */
const count = (label: string) =>
  ballot
    .locator('.counts .count')
    .filter({ has: ballot.getByRole('term').getByText(label, { exact: true }) })
    .getByRole('definition');

describe('six states vote in their chats while the secretary watches the tally', () => {
  it('opens a ballot that reaches the heads of delegation, whose presses show up on the open page', async () => {
    const shotBallot = screenshots(ballot, 'ballot-in-chat');
    const shotChat = screenshots(chats, 'ballot-in-chat-chat');
    await signInOnDashboard(ballot, accord.url);
    await ballot.getByRole('link', { name: 'Drafts' }).click();
    await ballot.getByLabel('Kind').selectOption('recommendation');
    await ballot.getByLabel('Title').fill('On common standards of repair');
    await ballot.getByLabel('Text', { exact: true }).fill('1. Repair to common standards.\n');
    await ballot.getByRole('button', { name: 'Create draft' }).click();
    await ballot.getByRole('heading', { name: 'On common standards of repair' }).waitFor();
    await ballot.getByLabel('Closes', { exact: true }).fill('2099-12-31T18:00');
    await ballot.getByLabel('Time zone').selectOption('Europe/Moscow');
    await ballot.getByRole('button', { name: 'Open the ballot' }).click();
    await ballot.getByText('Live: the tally changes as votes arrive.').waitFor();
    const ballotId = Number(ballot.url().split('/').pop());
    await ballot.evaluate('window.stillTheSamePage = true');
    expect(await count('Took part').textContent()).toBe('0');
    await shotBallot('open');

    // Arman Petrosyan (Armenia) votes on the Chats page, pressing the ballot's button as he would.
    await chats.goto(new URL('/chats', accord.url).href);
    await chats.getByLabel('Chat', { exact: true }).selectOption({ label: 'Arman Petrosyan' });
    const log = chats.getByRole('log', { name: 'Chat with Arman Petrosyan' });
    const message = log
      .getByRole('article', { name: 'Bot' })
      .filter({ hasText: 'On common standards of repair' });
    await message.getByRole('button', { name: 'For', exact: true }).click({ timeout: 20_000 });
    await chats.getByText('The bot answered: Recorded: For').waitFor({ timeout: 20_000 });
    // The bot edits the ballot in his chat to show his state's vote.
    await message.getByText(/Republic of Armenia voted: For — Arman Petrosyan/).waitFor({ timeout: 20_000 });
    await shotChat('voted');
    await stateRow('Republic of Armenia').getByText('Telegram').waitFor({ timeout: 20_000 });
    expect(await stateRow('Republic of Armenia').getByText('Arman Petrosyan').count()).toBe(1);
    expect(await count('For').textContent()).toBe('1');

    // The other five heads of delegation press in their own chats.
    const votes: Array<[key: string, state: string, choice: VoteChoice]> = [
      ['RU-head', 'Russian Federation', 'for'],
      ['BY-head', 'Republic of Belarus', 'for'],
      ['KZ-head', 'Republic of Kazakhstan', 'abstain'],
      ['KG-head', 'Kyrgyz Republic', 'for'],
      ['TJ-head', 'Republic of Tajikistan', 'for'],
    ];
    const users = sandboxDemoUsers();
    for (const [index, [key, state, choice]] of votes.entries()) {
      const user = users.find((u) => u.key === key);
      const callbackData = encodeBallotButton({ kind: 'vote', ballotId, choice });
      const received = await waitUntil(async () => {
        const view = await accord.sandbox.chat(user?.id);
        return view.messages.find((m) => m.buttons.flat().some((b) => b.callback_data === callbackData));
      });
      const pressed = await accord.sandbox.post<{ ok: boolean }>('/sandbox/press', {
        userId: user?.id,
        chatId: user?.id,
        messageId: received.message_id,
        callbackData,
      });
      expect(pressed.ok).not.toBe(false);
      // The open page follows each press: the state's row and the count of those who voted.
      await stateRow(state).getByText('Telegram').waitFor({ timeout: 20_000 });
      await ballot
        .locator('.counts .count')
        .filter({ hasText: 'Took part' })
        .getByText(String(index + 2), { exact: true })
        .waitFor({ timeout: 20_000 });
    }
    await ballot.getByText('Every eligible state has voted.').waitFor();
    expect(await count('For').textContent()).toBe('5');
    expect(await count('Abstain').textContent()).toBe('1');
    expect(await count('Against').textContent()).toBe('0');
    expect(await stateRow('Republic of Kazakhstan').getByText('Abstain').count()).toBe(1);
    expect(await ballot.evaluate('window.stillTheSamePage')).toBe(true);
    await shotBallot('all-voted');

    await ballot.getByRole('button', { name: 'Close now' }).click();
    await ballot.getByRole('dialog').getByRole('button', { name: 'Close now' }).click();
    await ballot.getByText('Voting is closed: Adopted.').waitFor();
    // The member's chat shows the closed ballot, its buttons gone.
    await message.getByText(/Voting closed .*: adopted\./).waitFor({ timeout: 20_000 });
    expect(await message.getByRole('button', { name: 'For', exact: true }).count()).toBe(0);
    await shotBallot('closed');
    await shotChat('closed');
  });
});
