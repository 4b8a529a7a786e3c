import { describe, expect, it } from 'vitest';
import { detectEntities } from './entities';

describe('detectEntities', () => {
  it('marks a command, with or without the bot username, at the start of a word', () => {
    expect(detectEntities('/start abc')).toEqual([{ type: 'bot_command', offset: 0, length: 6 }]);
    expect(detectEntities('/start@accord_sandbox_bot tok')).toEqual([
      { type: 'bot_command', offset: 0, length: 25 },
    ]);
    expect(detectEntities('please /help me')).toEqual([{ type: 'bot_command', offset: 7, length: 5 }]);
    expect(detectEntities('a/b and 1/2')).toEqual([]);
  });

  it('counts offsets in UTF-16 units, so an emoji before a command counts twice', () => {
    expect(detectEntities('😀 /vote')).toEqual([{ type: 'bot_command', offset: 3, length: 5 }]);
  });

  it('marks mentions and links, leaving trailing punctuation and e-mail addresses alone', () => {
    expect(detectEntities('ask @chair_person, see https://example.com/a?b=1. mail a@b.com')).toEqual([
      { type: 'mention', offset: 4, length: 13 },
      { type: 'url', offset: 23, length: 25 },
    ]);
  });

  it('does not find commands or mentions inside a link', () => {
    expect(detectEntities('https://t.me/start/@name')).toEqual([{ type: 'url', offset: 0, length: 24 }]);
  });
});
