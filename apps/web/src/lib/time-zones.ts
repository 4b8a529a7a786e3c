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
