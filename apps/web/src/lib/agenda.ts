/** An agenda line being edited; `key` keeps its inputs in place while lines move. */
export interface AgendaDraft {
  key: number;
  title: string;
}

/** The list with the item at `index` moved by `delta` places; an impossible move returns the list as it was. */
export const moveItem = <T>(items: readonly T[], index: number, delta: -1 | 1): T[] => {
  const target = index + delta;
  if (index < 0 || index >= items.length || target < 0 || target >= items.length) return [...items];
  const next = [...items];
  const [moved] = next.splice(index, 1) as [T];
  next.splice(target, 0, moved);
  return next;
};

/** The list without the item at `index`. */
export const removeItem = <T>(items: readonly T[], index: number): T[] => items.filter((_, i) => i !== index);

/**
 * The agenda as the API takes it: the titles in order, trimmed, empty lines left out; `keys[i]`
 * is the line `titles[i]` came from, so an error at "agenda.i" can be shown beside that line.
 */
export const agendaPayload = (items: readonly AgendaDraft[]): { titles: string[]; keys: number[] } => {
  const kept = items
    .map((item) => ({ key: item.key, title: item.title.trim() }))
    .filter((item) => item.title !== '');
  return { titles: kept.map((item) => item.title), keys: kept.map((item) => item.key) };
};

/** Agenda lines for the editor from a saved meeting's agenda, in position order, keyed from `firstKey`. */
export const agendaDrafts = (
  agenda: ReadonlyArray<{ position: number; title: string }>,
  firstKey = 1,
): AgendaDraft[] =>
  [...agenda]
    .sort((a, b) => a.position - b.position)
    .map((item, i) => ({ key: firstKey + i, title: item.title }));
