import { describe, expect, it } from 'vitest';
import { assembleReport, type ReportRecords } from './assembly';
import {
  canonicalJson,
  composeSections,
  decideReportChange,
  diffReportSections,
  editSection,
  reportSectionEditSchema,
  reportYearParamSchema,
} from './editing';
import { richTextLines, safeHref, sanitizeRichText } from './rich-text';

const empty: ReportRecords = {
  year: 2027,
  minimumMeetings: 2,
  timeZone: 'UTC',
  meetings: [],
  representation: [],
  decisions: [],
  programs: [],
  workingGroups: [],
};
const now = '2028-01-10T09:00:00.000Z';

describe('the rich text a section may hold', () => {
  it('keeps paragraphs, bold, italic, lists and links, and writes them out afresh', () => {
    expect(
      sanitizeRichText(
        '<div>Held <strong>two</strong> sittings</div><ul><li><em>one</em></li></ul><a href="https://example.org/a?b=1&amp;c=2" target="_blank">link</a>',
      ),
    ).toBe(
      '<p>Held <b>two</b> sittings</p><ul><li><i>one</i></li></ul><a href="https://example.org/a?b=1&amp;c=2" rel="noopener noreferrer">link</a>',
    );
  });

  it('drops scripts and styles with their content, event handlers, and unknown tags', () => {
    expect(
      sanitizeRichText(
        '<p onclick="alert(1)" style="color:red">Hi<script>alert(1)</script><style>p{}</style><img src=x onerror=alert(1)><span>!</span></p>',
      ),
    ).toBe('<p>Hi!</p>');
    expect(sanitizeRichText('<svg><script>alert(1)</script></svg>after')).toBe('after');
    expect(sanitizeRichText('<!-- secret --><p>x</p>')).toBe('<p>x</p>');
  });

  it('refuses links that could run code or hide their scheme', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      '&#106;avascript:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,<script>',
      '//evil.example',
      'vbscript:x',
    ]) {
      expect(safeHref(href), href).toBeNull();
      expect(sanitizeRichText(`<a href="${href}">x</a>`), href).toBe('x');
    }
    expect(safeHref('mailto:secretary@example.org')).toBe('mailto:secretary@example.org');
    expect(sanitizeRichText('<a title=\'href="https://x.org"\' href="javascript:1">x</a>')).toBe('x');
  });

  it('escapes stray brackets and ampersands, keeps entities, and balances tags', () => {
    expect(sanitizeRichText('a < b & c > d &amp; e')).toBe('a &lt; b &amp; c &gt; d &amp; e');
    expect(sanitizeRichText('<b>bold <i>both</b> after</i>')).toBe('<b>bold <i>both</i></b> after');
    expect(sanitizeRichText('<ul><li>open')).toBe('<ul><li>open</li></ul>');
    expect(sanitizeRichText('</p>closed<br/>')).toBe('closed<br>');
    expect(sanitizeRichText('<p title="a>b">x</p>')).toBe('<p>x</p>');
  });

  it('gives the lines a reader sees, for the diff', () => {
    expect(richTextLines('<p>One &amp; <b>two</b></p><ul><li>a</li><li>b</li></ul>x<br>y')).toBe(
      'One & two\n• a\n• b\nx\ny\n',
    );
  });
});

describe('editing the report', () => {
  const figures = assembleReport(empty, now);

  it('keeps each section’s text when the figures are assembled again', () => {
    const first = composeSections(figures);
    expect(first.map((s) => s.key)).toEqual([
      'meetings',
      'decisions',
      'programs',
      'working-groups',
      'overdue',
    ]);
    const edited = editSection(first, 'meetings', '<p>Two sittings</p>');
    if (!edited.ok) throw new Error(edited.error);
    const refreshed = composeSections(
      assembleReport(
        {
          ...empty,
          workingGroups: [{ id: 9, name: 'New', mandate: 'm', active: true, tasks: [] }],
        },
        now,
      ),
      edited.value,
    );
    expect(refreshed.find((s) => s.key === 'meetings')?.text).toBe('<p>Two sittings</p>');
    expect(refreshed.find((s) => s.key === 'working-groups')?.figures).toMatchObject({
      groups: { value: 1 },
    });
  });

  it('sanitizes an edit and refuses one that changes nothing', () => {
    const sections = composeSections(figures);
    const edited = editSection(sections, 'overdue', '<p>None<script>x</script></p>');
    expect(edited.ok && edited.value.find((s) => s.key === 'overdue')?.text).toBe('<p>None</p>');
    if (!edited.ok) return;
    expect(editSection(edited.value, 'overdue', '<p>None</p>')).toEqual({
      ok: false,
      error: 'NothingChanged',
    });
  });

  it('is read-only once approved or submitted; an edit while awaiting approval returns it to draft', () => {
    expect(decideReportChange('approved')).toEqual({ ok: false, error: 'ReportReadOnly' });
    expect(decideReportChange('submitted')).toEqual({ ok: false, error: 'ReportReadOnly' });
    expect(decideReportChange('draft')).toEqual({ ok: true, value: { status: 'draft', supersedes: false } });
    expect(decideReportChange('changes-requested')).toEqual({
      ok: true,
      value: { status: 'changes-requested', supersedes: false },
    });
    expect(decideReportChange('awaiting-approval')).toEqual({
      ok: true,
      value: { status: 'draft', supersedes: true },
    });
  });

  it('shows what changed between two versions: the words, formatting alone, and the figures', () => {
    const a = composeSections(figures);
    const b1 = editSection(a, 'meetings', '<p>Two sittings were held.</p>');
    if (!b1.ok) throw new Error(b1.error);
    const b2 = editSection(b1.value, 'decisions', '<p><b></b></p>');
    if (!b2.ok) throw new Error(b2.error);
    const b = composeSections(
      assembleReport(
        { ...empty, workingGroups: [{ id: 9, name: 'New', mandate: 'm', active: true, tasks: [] }] },
        now,
      ),
      b2.value,
    );
    const diff = diffReportSections(a, b);
    const meetings = diff.find((d) => d.key === 'meetings');
    expect(meetings?.textChanged).toBe(true);
    expect(meetings?.parts).toEqual([{ kind: 'added', text: 'Two sittings were held.\n' }]);
    expect(diff.find((d) => d.key === 'decisions')?.formattingOnly).toBe(true);
    expect(diff.find((d) => d.key === 'working-groups')?.figures).toEqual([
      { path: 'groups', from: 0, to: 1 },
      { path: 'items.0.tasks', from: null, to: 0 },
      { path: 'items.0.doneInYear', from: null, to: 0 },
      { path: 'items.0.open', from: null, to: 0 },
      { path: 'items.0.overdue', from: null, to: 0 },
      { path: 'items.0.cancelled', from: null, to: 0 },
    ]);
    expect(diff.find((d) => d.key === 'overdue')).toMatchObject({ textChanged: false, figures: [] });
  });

  it('writes the same content as the same JSON whatever the order of its keys', () => {
    expect(canonicalJson({ b: 1, a: [{ y: 2, x: null }] })).toBe(
      canonicalJson({ a: [{ x: null, y: 2 }], b: 1 }),
    );
  });

  it('validates a year in the path and a section edit', () => {
    expect(reportYearParamSchema.safeParse({ year: '2027' }).success).toBe(true);
    for (const year of ['27', '1999', '2101', 'abcd', '2027.0'])
      expect(reportYearParamSchema.safeParse({ year }).success).toBe(false);
    expect(reportSectionEditSchema.safeParse({ text: 'x'.repeat(50_001), baseVersion: 1 }).success).toBe(
      false,
    );
    expect(reportSectionEditSchema.safeParse({ text: '', baseVersion: 0 }).success).toBe(false);
  });
});
