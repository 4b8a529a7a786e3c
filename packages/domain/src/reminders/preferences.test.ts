import { describe, expect, it } from 'vitest';
import { DEFAULT_HOURS } from './hours';
import {
  type HoursWindow,
  isClockTime,
  isHoursWindow,
  parseTimeZoneName,
  windowsOverlap,
  workingHoursClearOfQuiet,
} from './preferences';

describe('clock times and windows', () => {
  it('accepts "HH:mm" from 00:00 to 23:59 only', () => {
    for (const good of ['00:00', '07:30', '19:05', '23:59']) expect(isClockTime(good)).toBe(true);
    for (const bad of ['24:00', '7:30', '07:3', '07:60', '0730', '07:30:00', ' 07:30', '', 'ab:cd']) {
      expect(isClockTime(bad)).toBe(false);
    }
  });

  it('takes a window of two different clock times, wrapping midnight or not', () => {
    expect(isHoursWindow({ start: '09:00', end: '18:00' })).toBe(true);
    expect(isHoursWindow({ start: '22:00', end: '07:00' })).toBe(true);
    expect(isHoursWindow({ start: '09:00', end: '09:00' })).toBe(false);
    expect(isHoursWindow({ start: '09:00', end: '24:00' })).toBe(false);
  });
});

describe('working hours outside quiet hours', () => {
  it('sees overlaps across midnight and lets windows touch', () => {
    const quiet = { start: '22:00', end: '07:00' };
    expect(windowsOverlap({ start: '09:00', end: '18:00' }, quiet)).toBe(false);
    expect(windowsOverlap({ start: '07:00', end: '22:00' }, quiet)).toBe(false);
    expect(windowsOverlap({ start: '06:30', end: '18:00' }, quiet)).toBe(true);
    expect(windowsOverlap({ start: '10:00', end: '22:30' }, quiet)).toBe(true);
    expect(windowsOverlap({ start: '23:00', end: '23:30' }, quiet)).toBe(true);
    expect(windowsOverlap({ start: '20:00', end: '02:00' }, { start: '01:00', end: '05:00' })).toBe(true);
  });

  it('agrees with a minute-by-minute check on a grid of windows', () => {
    const times = ['00:00', '05:30', '07:00', '09:00', '18:00', '21:00', '22:00', '23:59'];
    const windows: HoursWindow[] = times.flatMap((start) =>
      times.filter((end) => end !== start).map((end) => ({ start, end })),
    );
    const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));
    const covers = (w: HoursWindow, m: number) => {
      const [s, e] = [minutes(w.start), minutes(w.end)];
      return s < e ? m >= s && m < e : m >= s || m < e;
    };
    for (const a of windows) {
      for (const b of windows) {
        let shared = false;
        for (let m = 0; m < 24 * 60 && !shared; m++) shared = covers(a, m) && covers(b, m);
        expect(windowsOverlap(a, b), `${a.start}-${a.end} / ${b.start}-${b.end}`).toBe(shared);
      }
    }
  });

  it('holds for the defaults and refuses working hours that run into the night', () => {
    expect(workingHoursClearOfQuiet(DEFAULT_HOURS)).toBe(true);
    expect(workingHoursClearOfQuiet({ ...DEFAULT_HOURS, workEnd: '23:00' })).toBe(false);
    expect(workingHoursClearOfQuiet({ ...DEFAULT_HOURS, quietStart: '19:00', quietEnd: '08:00' })).toBe(
      false,
    );
    expect(workingHoursClearOfQuiet({ ...DEFAULT_HOURS, quietStart: '21:00', quietEnd: '08:00' })).toBe(true);
  });
});

describe('typed time zones', () => {
  it('takes IANA names, spelled canonically', () => {
    expect(parseTimeZoneName('Asia/Tashkent')).toBe('Asia/Tashkent');
    expect(parseTimeZoneName('  europe/moscow ')).toBe('Europe/Moscow');
    expect(parseTimeZoneName('UTC')).toBe('UTC');
    expect(parseTimeZoneName('America/Argentina/Salta')).toBe('America/Argentina/Salta');
    expect(parseTimeZoneName('Asia/Kolkata')).toBe('Asia/Kolkata');
  });

  it('refuses what is not a zone', () => {
    for (const bad of ['', 'Moscow', 'Mars/Olympus', '+03:00', 'UTC+3', 'Europe/Moscow; drop', '../etc']) {
      expect(parseTimeZoneName(bad), bad).toBeNull();
    }
  });
});
