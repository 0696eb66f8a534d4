import { WEEKDAYS } from '../model/kinds';
import { AllowedWindow, RolloutWindows } from './rollout-policy';

/** Whether a wave may start now, and why (not). */
export interface WindowVerdict {
  readonly open: boolean;
  readonly reason: string;
  /** When it opens next, when closed and known within a week. */
  readonly opensAt?: Date;
}

const DAYS: readonly string[] = WEEKDAYS;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** Day of the week (`Mon`) and minutes since midnight of `at` in `timeZone`. */
function localTime(at: Date, timeZone: string): { day: string; minutes: number } {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, formatter);
  }
  const parts = Object.fromEntries(formatter.formatToParts(at).map((part) => [part.type, part.value]));
  return { day: parts.weekday, minutes: Number(parts.hour) * 60 + Number(parts.minute) };
}

function minutesOf(time: string): number {
  const [, hours, minutes] = TIME.exec(time)!;
  return Number(hours) * 60 + Number(minutes);
}

function isInside(window: AllowedWindow, at: Date): boolean {
  const start = minutesOf(window.start);
  const end = minutesOf(window.end);
  const local = localTime(at, window.timeZone ?? 'UTC');
  const days = window.days ?? DAYS;
  if (start < end) return days.includes(local.day) && local.minutes >= start && local.minutes < end;
  // Across midnight: the evening part belongs to the listed day, the morning part to the day after it.
  const previous = DAYS[(DAYS.indexOf(local.day) + 6) % 7];
  return (days.includes(local.day) && local.minutes >= start) || (days.includes(previous) && local.minutes < end);
}

function describe(window: AllowedWindow): string {
  return `${window.days?.join(',') ?? 'every day'} ${window.start}-${window.end} ${window.timeZone ?? 'UTC'}`;
}

/** Whether waves may start at `now`: not during a freeze, and inside an allowed window when there are any. */
export function windowVerdict(windows: RolloutWindows | undefined, now: Date): WindowVerdict {
  const verdict = openAt(windows, now);
  if (verdict.open) return verdict;
  // The next minute it opens, within a week.
  const start = Math.ceil(now.getTime() / 60_000) * 60_000;
  for (let minute = 1; minute <= 7 * 24 * 60; minute++) {
    const at = new Date(start + minute * 60_000);
    if (openAt(windows, at).open) return { ...verdict, opensAt: at };
  }
  return verdict;
}

function openAt(windows: RolloutWindows | undefined, now: Date): WindowVerdict {
  const time = now.getTime();
  const freeze = windows?.freezes?.find((f) => Date.parse(f.from) <= time && time < Date.parse(f.to));
  if (freeze) {
    return { open: false, reason: `frozen until ${freeze.to}${freeze.reason ? ` (${freeze.reason})` : ''}` };
  }
  const allowed = windows?.allowed ?? [];
  if (allowed.length === 0) return { open: true, reason: 'no change windows' };
  const inside = allowed.find((window) => isInside(window, now));
  if (inside) return { open: true, reason: `inside the window ${describe(inside)}` };
  return { open: false, reason: `outside the allowed windows (${allowed.map(describe).join('; ')})` };
}
