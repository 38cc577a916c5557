// @ts-check
// Numbers, dates and times the way Flemish readers write them.

/**
 * A number in Dutch (Belgian) notation: a fixed number of decimals when the
 * definition asks for it, else at most two.
 * @param {number} value
 * @param {number | null} decimals
 */
export function formatNumber(value, decimals) {
  const fixed = Number.isInteger(decimals);
  const key = fixed ? String(decimals) : "";
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat("nl-BE", {
      minimumFractionDigits: fixed ? /** @type {number} */ (decimals) : 0,
      maximumFractionDigits: fixed ? /** @type {number} */ (decimals) : 2,
    });
    numberFormats.set(key, format);
  }
  return format.format(value);
}

// Making a number format costs more than using it (it loads locale data);
// every result formats each score, so they are kept per number of decimals.
/** @type {Map<string, Intl.NumberFormat>} */
const numberFormats = new Map();

/** @param {Date} date */
export function formatDate(date) {
  return new Intl.DateTimeFormat("nl-BE", { dateStyle: "long", timeStyle: "short" }).format(date);
}

/** Now, in ISO 8601 to the second (UTC): what saved records and exports carry. */
export function timestamp() {
  return new Date().toISOString().replace(/\.\d+Z$/, "Z");
}

/**
 * A calendar day (YYYY-MM-DD, as a date input gives it) in words: "20 november
 * 2026". Read as a local date, so no time zone moves it to the day before.
 * @param {string} day
 */
export function formatDay(day) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return day;
  const date = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Intl.DateTimeFormat("nl-BE", { dateStyle: "long" }).format(date);
}
