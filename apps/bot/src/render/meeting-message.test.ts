import { decodeCallback, MESSAGE_MAX_LENGTH, type Meeting, visibleLength } from '@accord/domain';
import { describe, expect, it } from 'vitest';
import { createI18n, translator } from '../i18n';
import { renderMeetingMessage } from './meeting-message';

const t = translator(createI18n());
const meeting: Meeting = {
  id: 12,
  kind: 'regular',
  title: 'Session <script>&',
  startsAt: '2027-03-15T07:00:00.000Z',
  endsAt: '2027-03-15T10:00:00.000Z',
  timeZone: 'Europe/Moscow',
  place: 'Room <1> & 2',
  link: null,
  status: 'notified',
  workingGroupId: null,
  version: 1,
  agenda: [
    { position: 1, title: 'Opening' },
    { position: 2, title: 'Budget <b>' },
  ],
};
const reader = { language: 'en', timeZone: 'Asia/Almaty', audience: 'person', answer: null } as const;

describe('a meeting notice', () => {
  it('is in the reader’s language and zone, with the agenda and answer buttons', () => {
    const { text, keyboard } = renderMeetingMessage(t, meeting, 'new', reader, 'bot');
    expect(text).toContain('Meeting notice');
    expect(text).toContain('12:00 – 15:00'); // 07:00 UTC in Almaty (UTC+5)
    expect(text).toContain('Asia/Almaty, UTC+5');
    expect(text).toContain('2. Budget &lt;b&gt;');
    expect(
      keyboard.flat().map((b) => ('callback_data' in b ? decodeCallback(b.callback_data) : null)),
    ).toEqual([
      { kind: 'rsvp', meetingId: 12, answer: 'yes' },
      { kind: 'rsvp', meetingId: 12, answer: 'no' },
      { kind: 'ics', meetingId: 12 },
    ]);
  });

  it('reads in Russian for a Russian reader', () => {
    const { text } = renderMeetingMessage(
      t,
      meeting,
      'new',
      { ...reader, language: 'ru', timeZone: 'Europe/Moscow' },
      'bot',
    );
    expect(text).toContain('Извещение о заседании');
    expect(text).toContain('15 марта 2027');
    expect(text).toContain('10:00 – 13:00');
  });

  it('escapes everything a person wrote', () => {
    const { text } = renderMeetingMessage(t, meeting, 'new', reader, 'bot');
    expect(text).toContain('Session &lt;script&gt;&amp;');
    expect(text).toContain('Room &lt;1&gt; &amp; 2');
    expect(text).not.toContain('<script>');
  });

  it('shows the chosen answer and marks its button', () => {
    const { text, keyboard } = renderMeetingMessage(t, meeting, 'new', { ...reader, answer: 'no' }, 'bot');
    expect(text).toContain('Your answer: you cannot attend');
    expect(keyboard[0]?.[1]?.text).toMatch(/^• .* •$/);
  });

  it('stays one message Telegram accepts however long the agenda', () => {
    const long = {
      ...meeting,
      agenda: Array.from({ length: 50 }, (_, i) => ({ position: i + 1, title: `<${'x'.repeat(490)}>` })),
    };
    const { text } = renderMeetingMessage(t, long, 'new', reader, 'bot');
    expect(visibleLength(text)).toBeLessThanOrEqual(MESSAGE_MAX_LENGTH);
    expect(text).toMatch(/and \d+ more items/);
  });

  it('gives a group chat the notice without answer buttons', () => {
    const { text, keyboard } = renderMeetingMessage(
      t,
      meeting,
      'new',
      { ...reader, audience: 'group' },
      'accord_bot',
    );
    expect(text).toContain('Members answer in their private chat');
    expect(keyboard).toEqual([[{ text: 'Open the bot', url: 'https://t.me/accord_bot' }]]);
  });

  it('announces a cancellation without buttons', () => {
    const { text, keyboard } = renderMeetingMessage(t, meeting, 'cancelled', reader, 'bot');
    expect(text).toContain('Meeting cancelled');
    expect(keyboard).toEqual([]);
  });
});
