import { describe, expect, it } from 'vitest';
import { firstPageAt } from './pages';

describe('firstPageAt', () => {
  it('finds the first page a path shows, by its whole path', () => {
    expect(firstPageAt('/programs/12')?.page).toBe('program');
    expect(firstPageAt('/programs')?.page).toBe('programs');
    expect(firstPageAt('/reports/2026')?.page).toBe('report');
    expect(firstPageAt('/programs/12/print')).toBeUndefined();
    expect(firstPageAt('/meetings/new')).toBeUndefined();
    expect(firstPageAt('/people')).toBeUndefined();
  });

  it('reads a doubled slash as one, as the HTML’s script does', () => {
    expect(firstPageAt('//programs/12')?.page).toBe('program');
    expect(firstPageAt('/ballots//7')?.page).toBe('ballot');
  });
});
