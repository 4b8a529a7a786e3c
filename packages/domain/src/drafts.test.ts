import { describe, expect, it } from 'vitest';
import { decideDraftEdit, decideWithdraw, diffVersions } from './drafts';

const v1 = { version: 1, title: 'On standards', text: 'Article 1.\nArticle 2.\n' };

describe('drafts', () => {
  it('save a new version for each real edit, and only while they are drafts', () => {
    expect(
      decideDraftEdit('draft', v1, { title: 'On standards', text: 'Article 1.\nArticle 2 amended.\n' }),
    ).toEqual({ ok: true, value: { version: 2 } });
    expect(decideDraftEdit('draft', v1, { title: v1.title, text: v1.text })).toEqual({
      ok: false,
      error: 'NothingChanged',
    });
    expect(decideDraftEdit('voting', v1, { title: 'X', text: 'Y' })).toEqual({
      ok: false,
      error: 'DraftLocked',
    });
  });

  it('can be withdrawn until decided', () => {
    expect(decideWithdraw('draft').ok).toBe(true);
    expect(decideWithdraw('voting').ok).toBe(true);
    expect(decideWithdraw('adopted')).toEqual({ ok: false, error: 'DraftClosed' });
  });

  it('show what changed between versions, line by line', () => {
    expect(diffVersions('Article 1.\nArticle 2.\n', 'Article 1.\nArticle 2 amended.\nArticle 3.\n')).toEqual([
      { kind: 'same', text: 'Article 1.\n' },
      { kind: 'removed', text: 'Article 2.\n' },
      { kind: 'added', text: 'Article 2 amended.\nArticle 3.\n' },
    ]);
  });
});
