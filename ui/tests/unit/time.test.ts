import { describe, expect, it } from 'vitest';
import { dateRange, shortDate } from '../../src/lib/dates';
import { formatOffset, isoToWall, isValidZone, nowIso, wallToIso, zoneOffsetMinutes, zoneOrUtc } from '../../src/lib/time';

describe('time in the meeting zone', () => {
  it('knows offsets, including summer time', () => {
    expect(zoneOffsetMinutes('Europe/Oslo', Date.UTC(2025, 2, 1, 17, 5))).toBe(60);
    expect(zoneOffsetMinutes('Europe/Oslo', Date.UTC(2025, 6, 1, 12))).toBe(120);
    expect(zoneOffsetMinutes('America/St_Johns', Date.UTC(2025, 0, 1))).toBe(-210);
    expect(formatOffset(-210)).toBe('-03:30');
    expect(formatOffset(0)).toBe('+00:00');
  });

  it('shows 17:05Z as 18:05 in Oslo (the worked example)', () => {
    expect(isoToWall('2025-03-01T17:05:00Z', 'Europe/Oslo')).toBe('2025-03-01T18:05');
  });

  it('stores a wall time with the zone offset of that date', () => {
    expect(wallToIso('2018-04-27T21:11', 'Europe/Brussels')).toBe('2018-04-27T21:11:00+02:00');
    expect(wallToIso('2018-01-27T21:11', 'Europe/Brussels')).toBe('2018-01-27T21:11:00+01:00');
    expect(wallToIso('2018-01-27T21:11', 'UTC')).toBe('2018-01-27T21:11:00+00:00');
    expect(wallToIso('nonsense', 'UTC')).toBe('');
  });

  it('round-trips wall ↔ iso', () => {
    const iso = wallToIso('2026-10-15T17:40', 'Europe/Tallinn');
    expect(iso).toBe('2026-10-15T17:40:00+03:00');
    expect(isoToWall(iso, 'Europe/Tallinn')).toBe('2026-10-15T17:40');
  });

  it('now, to the minute, in the zone', () => {
    expect(nowIso('Europe/Oslo', Date.UTC(2025, 2, 1, 17, 5, 42))).toBe('2025-03-01T18:05:00+01:00');
  });

  it('validates zones, defaulting to UTC', () => {
    expect(isValidZone('Europe/Brussels')).toBe(true);
    expect(isValidZone('Mars/Olympus')).toBe(false);
    expect(zoneOrUtc('Mars/Olympus')).toBe('UTC');
    expect(zoneOrUtc('')).toBe('UTC');
  });

  it('formats dates for the list', () => {
    expect(shortDate('2018-04-27')).toBe('27 Apr 2018');
    expect(dateRange('2018-04-27', '2018-04-28')).toBe('27 Apr 2018 – 28 Apr 2018');
    expect(dateRange('2018-04-27', '2018-04-27')).toBe('27 Apr 2018');
    expect(dateRange('2018-04-27', null)).toBe('27 Apr 2018');
  });
});
