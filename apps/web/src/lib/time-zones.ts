export interface ZoneOption {
  value: string;
  /** The states whose zone this is, by code; empty for the browser's zone or UTC. */
  stateCodes: string[];
}

/**
 * The zones a meeting can be set in: the member states' own (in the states' order, states sharing a
 * zone together), then any extra zones (the browser's, the meeting's current one), then UTC, each once.
 */
export const timeZoneOptions = (
  states: ReadonlyArray<{ code: string; timeZone: string }>,
  extra: ReadonlyArray<string | null | undefined>,
): ZoneOption[] => {
  const options: ZoneOption[] = [];
  const add = (zone: string, stateCode?: string) => {
    const found = options.find((o) => o.value === zone);
    if (found) {
      if (stateCode) found.stateCodes.push(stateCode);
    } else options.push({ value: zone, stateCodes: stateCode ? [stateCode] : [] });
  };
  for (const state of states) add(state.timeZone, state.code);
  for (const zone of extra) if (zone && zone !== 'UTC') add(zone);
  add('UTC');
  return options;
};

/** The wall-clock reading of an instant in a zone, as a `datetime-local` input wants it: "2027-03-01T18:00". */
export const localFromInstant = (iso: string, zone: string): string => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${part('year')}-${part('month')}-${part('day')}T${part('hour')}:${part('minute')}`;
};

/**
 * The instant a wall-clock time in a zone names, as ISO. The zone's offset is read at a first guess
 * and read again where that lands, so a time next to a daylight-saving change comes out right; a
 * time the change skips comes out an hour later, as clocks show it.
 */
export const instantFromLocal = (local: string, zone: string): string => {
  const asUtc = Date.parse(`${local}:00Z`);
  const offsetAt = (instant: number) => {
    const reading = localFromInstant(new Date(instant).toISOString(), zone);
    return Date.parse(`${reading}:00Z`) - instant;
  };
  const guess = asUtc - offsetAt(asUtc);
  const settled = asUtc - offsetAt(guess);
  return new Date(offsetAt(settled) === offsetAt(guess) ? settled : Math.max(guess, settled)).toISOString();
};
