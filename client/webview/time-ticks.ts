/**
 * Calendar-aligned ticks for a time axis in epoch ms (UTC): whole hours, days,
 * weeks, months, quarters or years, whichever gives at most `max` ticks.
 * Chart.js's linear scale would put them at round numbers of milliseconds,
 * i.e. at arbitrary times of day. Pure, so it is unit-tested.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

interface Step {
  readonly approxMs: number;
  /** First tick at or after t. */
  first(t: number): number;
  next(t: number): number;
  readonly label: (t: number) => string;
}

const iso = (t: number) => new Date(t).toISOString();

function fixedStep(ms: number, label: (t: number) => string, offset = 0): Step {
  return { approxMs: ms, first: (t) => Math.ceil((t - offset) / ms) * ms + offset, next: (t) => t + ms, label };
}

function monthStep(months: number, label: (t: number) => string): Step {
  const first = (t: number) => {
    const d = new Date(t);
    let y = d.getUTCFullYear();
    let m = Math.ceil((d.getUTCMonth() + (d.getUTCDate() > 1 || t % DAY > 0 ? 1 : 0)) / months) * months;
    y += Math.floor(m / 12);
    m %= 12;
    return Date.UTC(y, m, 1);
  };
  const next = (t: number) => { const d = new Date(t); return Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + months, 1); };
  return { approxMs: months * 30.4 * DAY, first, next, label };
}

const MONDAY_OFFSET = 4 * DAY; // 1970-01-01 was a Thursday: weeks start on Monday, four days later

const STEPS: readonly Step[] = [
  fixedStep(HOUR, (t) => iso(t).slice(5, 16).replace('T', ' ')),
  fixedStep(6 * HOUR, (t) => iso(t).slice(5, 16).replace('T', ' ')),
  fixedStep(DAY, (t) => iso(t).slice(0, 10)),
  fixedStep(7 * DAY, (t) => iso(t).slice(0, 10), MONDAY_OFFSET),
  monthStep(1, (t) => iso(t).slice(0, 7)),
  monthStep(3, (t) => iso(t).slice(0, 7)),
  monthStep(12, (t) => iso(t).slice(0, 4)),
];

export interface TimeTick {
  readonly value: number;
  readonly label: string;
}

export function timeTicks(min: number, max: number, maxTicks = 8): TimeTick[] {
  if (!(max > min)) return [];
  const step = STEPS.find((s) => (max - min) / s.approxMs <= maxTicks) ?? STEPS[STEPS.length - 1]!;
  const out: TimeTick[] = [];
  for (let t = step.first(min); t <= max && out.length <= maxTicks * 2; t = step.next(t)) out.push({ value: t, label: step.label(t) });
  return out;
}
