/** Display formatting shared by the screens. Pure; British English conventions. */

const LOCALE = 'en-GB';

const dayMonthYear = new Intl.DateTimeFormat(LOCALE, {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});


/** "14 Mar 2017" for an ISO date or date-time; the input unchanged when it is not a date. */
export function formatDate(value: string): string {
  const trimmed = value.trim();
  // Date-only strings are calendar days: read them as UTC so no time zone shifts the day.
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(trimmed);
  const date = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : new Date(trimmed);
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return value;
  return dayMonthYear.format(date);
}

/** "14 Mar 2017, 10:42" in local time, for when something happened on this computer. */
export function formatDateTime(iso: string, now: Date = new Date()): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const sameDay =
    date.getFullYear() === now.getFullYear() && date.getMonth() === now.getMonth() && date.getDate() === now.getDate();
  const time = date.toLocaleTimeString(LOCALE, { hour: '2-digit', minute: '2-digit' });
  if (sameDay) return `Today, ${time}`;
  const day = date.toLocaleDateString(LOCALE, {
    day: 'numeric',
    month: 'short',
    ...(date.getFullYear() === now.getFullYear() ? {} : { year: 'numeric' }),
  });
  return `${day}, ${time}`;
}


