import { describe, expect, it } from 'vitest';
import { reportChangesSince, reportKeyFigures } from './approval';
import { richTextBlocks } from './document';
import type { ReportSections } from './editing';

const figure = (value: number) => ({ value, source: 'meeting' as const, ids: [] });
const sections = (held: number, text: string): ReportSections =>
  [
    {
      key: 'meetings',
      text,
      figures: {
        key: 'meetings',
        empty: false,
        minimum: 2,
        held: figure(held),
        minimumMet: held >= 2,
        cancelled: figure(0),
        otherHeld: figure(0),
        meetings: [],
      },
    },
    {
      key: 'overdue',
      text: '',
      figures: {
        key: 'overdue',
        empty: true,
        asOf: '2027-12-01',
        activities: figure(1),
        tasks: figure(2),
        items: [],
      },
    },
  ] as unknown as ReportSections;

describe('the report as the chairman is asked about it', () => {
  it('leads with the key figures: meetings against the minimum and what is overdue', () => {
    expect(reportKeyFigures(sections(1, ''))).toMatchObject({
      meetingsHeld: 1,
      minimumMeetings: 2,
      minimumMet: false,
      decisionsAdopted: 0,
      overdue: 3,
    });
  });

  it('says what changed since the returned version: the sections and the figures, nothing else', () => {
    const changes = reportChangesSince(
      sections(1, '<p>One sitting.</p>'),
      sections(2, '<p>Two sittings.</p>'),
    );
    expect(changes).toEqual([
      {
        key: 'meetings',
        textChanged: true,
        formattingOnly: false,
        added: 1,
        removed: 1,
        figures: expect.arrayContaining([{ path: 'held', from: 1, to: 2 }]),
      },
    ]);
    expect(reportChangesSince(sections(1, 'x'), sections(1, 'x'))).toEqual([]);
  });

  it('reads a section’s rich text as paragraphs and lists for the PDF', () => {
    expect(
      richTextBlocks(
        '<p>Held <b>two</b> sittings &amp; one <a href="https://x.org/?a=1&amp;b=2" rel="noopener noreferrer">conference</a>.</p><ul><li>Minsk</li><li><i>Almaty</i></li></ul>',
      ),
    ).toEqual([
      {
        kind: 'paragraph',
        runs: [
          { text: 'Held ' },
          { text: 'two', bold: true },
          { text: ' sittings & one ' },
          { text: 'conference', link: 'https://x.org/?a=1&b=2' },
          { text: '.' },
        ],
      },
      { kind: 'list', ordered: false, items: [[{ text: 'Minsk' }], [{ text: 'Almaty', italic: true }]] },
    ]);
  });
});
