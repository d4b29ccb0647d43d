// The call window a request proposes: the next working-hours slot on the person's own clock (their
// profile's zone), never 03:00 because they happen to write at 02:00. Working hours are 09:00–18:00,
// Monday to Friday; the window is two hours, or up to 18:00.
import { instantToWallTime } from "../../../server/i18n/time-zone";

const OPEN = 9;
const CLOSE = 18;
const LENGTH = 2;

const pad = (n: number) => String(n).padStart(2, "0");
const nextDay = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const weekend = (day: string) => [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());

/** { from, to } as "YYYY-MM-DDTHH:mm" wall times in `timeZone`, for datetime-local fields. */
export function defaultCallWindow(now: Date, timeZone: string): { from: string; to: string } {
  const wall = instantToWallTime(now, timeZone);
  let day = wall.slice(0, 10);
  let hour = Number(wall.slice(11, 13)) + 1; // the next full hour
  if (hour < OPEN) hour = OPEN;
  if (hour > CLOSE - 1) {
    day = nextDay(day);
    hour = OPEN;
  }
  while (weekend(day)) {
    day = nextDay(day);
    hour = OPEN;
  }
  const end = Math.min(hour + LENGTH, CLOSE);
  return { from: `${day}T${pad(hour)}:00`, to: `${day}T${pad(end)}:00` };
}
