import { describe, expect, it } from 'vitest';
import { agendaDrafts, agendaPayload, moveItem, removeItem } from './agenda';

describe('reordering the agenda', () => {
  const items = ['Opening', 'Budget', 'Programme', 'Closing'];

  it('moves an item up by one place', () => {
    expect(moveItem(items, 2, -1)).toEqual(['Opening', 'Programme', 'Budget', 'Closing']);
  });

  it('moves an item down by one place', () => {
    expect(moveItem(items, 0, 1)).toEqual(['Budget', 'Opening', 'Programme', 'Closing']);
  });

  it('leaves the first item where it is when asked to move it up, and the last when asked to move it down', () => {
    expect(moveItem(items, 0, -1)).toEqual(items);
    expect(moveItem(items, 3, 1)).toEqual(items);
  });

  it('never changes the list it was given', () => {
    const before = [...items];
    moveItem(items, 1, 1);
    removeItem(items, 1);
    expect(items).toEqual(before);
  });

  it('removes only the item at the index', () => {
    expect(removeItem(items, 1)).toEqual(['Opening', 'Programme', 'Closing']);
    expect(removeItem(items, 9)).toEqual(items);
  });
});

describe('the agenda sent to the API', () => {
  it('is the trimmed titles in order, without empty lines, each traced to its line', () => {
    expect(
      agendaPayload([
        { key: 1, title: '  Opening ' },
        { key: 2, title: '   ' },
        { key: 3, title: 'Budget' },
      ]),
    ).toEqual({ titles: ['Opening', 'Budget'], keys: [1, 3] });
  });

  it('is read back from a saved meeting in position order', () => {
    expect(
      agendaDrafts([
        { position: 2, title: 'Budget' },
        { position: 1, title: 'Opening' },
      ]),
    ).toEqual([
      { key: 1, title: 'Opening' },
      { key: 2, title: 'Budget' },
    ]);
  });
});
