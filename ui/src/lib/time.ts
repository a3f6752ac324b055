// Dates and times in the meeting's timezone. The file stores `updated` as an ISO date-time with
// an offset; the UI edits it as a wall-clock time in the meeting's zone (default UTC, as
// docs/meeting-file.md says).

const pad = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');

export function isValidZone(zone: string): boolean {
  if (zone === '') return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function zoneOrUtc(zone: string | undefined): string {
  return zone && isValidZone(zone) ? zone : 'UTC';
}

const fmtCache = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(zone: string): Intl.DateTimeFormat {
  let f = fmtCache.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    fmtCache.set(zone, f);
  }
  return f;
}

interface Wall {
  y: number;
  mo: number;
  d: number;
  h: number;
  mi: number;
  s: number;
}

function wallOf(utcMs: number, zone: string): Wall {
  const p: Record<string, number> = {};
  for (const part of partsFormatter(zone).formatToParts(new Date(utcMs))) {
    if (part.type !== 'literal') p[part.type] = Number(part.value);
  }
  return { y: p.year, mo: p.month, d: p.day, h: p.hour === 24 ? 0 : p.hour, mi: p.minute, s: p.second };
}

/** Offset of `zone` from UTC at the instant `utcMs`, in minutes (Oslo in summer: 120). */
export function zoneOffsetMinutes(zone: string, utcMs: number): number {
  const w = wallOf(utcMs, zone);
  const asUtc = Date.UTC(w.y, w.mo - 1, w.d, w.h, w.mi, w.s);
  return Math.round((asUtc - Math.floor(utcMs / 1000) * 1000) / 60000);
}

export function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? '-' : '+';
  return `${sign}${pad(Math.trunc(Math.abs(minutes) / 60))}:${pad(Math.abs(minutes) % 60)}`;
}

/** The instant as `YYYY-MM-DDTHH:MM:SS±HH:MM` in `zone`. */
export function isoInZone(utcMs: number, zone: string): string {
  const w = wallOf(utcMs, zone);
  const off = zoneOffsetMinutes(zone, utcMs);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}:${pad(w.s)}${formatOffset(off)}`;
}

/** A wall-clock time `YYYY-MM-DDTHH:MM` in `zone` as an ISO date-time with offset. */
export function wallToIso(wall: string, zone: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!m) return '';
  const guess = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], m[6] ? +m[6] : 0);
  let t = guess - zoneOffsetMinutes(zone, guess) * 60000;
  const off2 = zoneOffsetMinutes(zone, t);
  t = guess - off2 * 60000;
  return isoInZone(t, zone);
}

/** An ISO date-time (any offset) as the wall-clock `YYYY-MM-DDTHH:MM` in `zone`; '' if invalid. */
export function isoToWall(iso: string, zone: string): string {
  if (!iso) return '';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return '';
  const w = wallOf(ms, zone);
  return `${w.y}-${pad(w.mo)}-${pad(w.d)}T${pad(w.h)}:${pad(w.mi)}`;
}

/** Now, to the minute, in `zone`. */
export function nowIso(zone: string, nowMs = Date.now()): string {
  return isoInZone(Math.floor(nowMs / 60000) * 60000, zone);
}

let zones: string[] | null = null;
/** IANA zones the webview knows, for the timezone field's suggestions. */
export function knownZones(): string[] {
  if (zones) return zones;
  const intl = Intl as unknown as { supportedValuesOf?: (k: string) => string[] };
  try {
    zones = intl.supportedValuesOf ? intl.supportedValuesOf('timeZone') : [];
  } catch {
    zones = [];
  }
  if (!zones.includes('UTC')) zones = ['UTC', ...zones];
  return zones;
}

/** The zone a meeting's clock reads in: its own, else the machine's (never silently UTC for a
 * person in the room). */
export function meetingClockZone(zone: string | undefined): string {
  if (zone && zone !== '' && isValidZone(zone)) return zone;
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** The time `HH:MM` (24-hour) at `nowMs` in `zone`. */
export function clockIn(zone: string, nowMs = Date.now()): string {
  const w = wallOf(nowMs, zone);
  return `${pad(w.h)}:${pad(w.mi)}`;
}
