/**
 * The text Excel shows for a cell, from a reader's value (exceljs's shapes) and the cell's
 * number format, so coders read "12.5%" and "15 Jan 2024", not 0.125 and 45306. Covers
 * General, digit placeholders, percentages, scientific, literal text and date codes (in
 * English, as en-US Excel shows them); anything else falls back to General for numbers
 * and ISO for dates.
 */

const MONTHS =
  "January February March April May June July August September October November December";
const DAYS = "Sunday Monday Tuesday Wednesday Thursday Friday Saturday";

/** exceljs gives built-in formats 14 and 22, the user's short date in Excel, US codes. */
const BUILT_IN_DATES: Record<string, string> = {
  "mm-dd-yy": "yyyy-mm-dd",
  'm/d/yy "h":mm': "yyyy-mm-dd hh:mm",
};

/** Days from 1899-12-30, Excel's day 0 (serial 1 is 1900-01-01 after the 1900 leap bug). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

export function formatCellAsDisplayed(value: unknown, numFmt?: string | null): string {
  const format = numFmt ? (BUILT_IN_DATES[numFmt] ?? numFmt) : "General";
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  if (typeof value === "number") return formatNumber(value, format);
  if (value instanceof Date) return formatDateValue(value, format);
  if (typeof value === "object") return formatObject(value as Record<string, unknown>, numFmt);
  return String(value);
}

function formatObject(value: Record<string, unknown>, numFmt?: string | null): string {
  if (Array.isArray(value.richText)) {
    return value.richText.map((run: { text?: unknown }) => String(run?.text ?? "")).join("");
  }
  // A formula shows its cached result; a workbook saved without one shows nothing.
  if ("formula" in value || "sharedFormula" in value) {
    return formatCellAsDisplayed(value.result, numFmt);
  }
  if (typeof value.error === "string") return value.error;
  if ("text" in value) return formatCellAsDisplayed(value.text, numFmt);
  return "";
}

interface Token {
  readonly kind: "code" | "literal";
  readonly text: string;
}
const code = (text: string): Token => ({ kind: "code", text });
const literal = (text: string): Token => ({ kind: "literal", text });

/** The pieces of a format, in the order of tokenize's groups. */
const PIECE = new RegExp(
  [
    '"([^"]*)"?', // "quoted text"
    "\\\\(.)", // \x, an escaped character
    "_(.)", // _x, a space as wide as x
    "\\*(.)", // *x, x repeated to fill the cell
    "\\[([^\\]]*)\\]?", // [Red], [$-409], [$€-407], [h], [>100]
    "(general|am/pm|a/p|e[+-]|y+|m+|d+|h+|s+|e|[0#?.,%@])",
    "([\\s\\S])", // any other character is itself
  ].join("|"),
  "gi",
);

/** Splits a format section into codes and literal text; colours and locales go. */
function tokenize(section: string): Token[] {
  return [...section.matchAll(PIECE)].map((m) => {
    const [, quoted, escaped, padding, fill, bracket, placeholder, other] = m;
    if (quoted !== undefined) return literal(quoted);
    if (escaped !== undefined) return literal(escaped);
    if (padding !== undefined) return literal(" ");
    if (fill !== undefined) return literal("");
    if (bracket !== undefined) return bracketToken(bracket);
    if (placeholder !== undefined) return code(/^e$/i.test(placeholder) ? "yyyy" : placeholder);
    return literal(other ?? "");
  });
}

/** `[$€-407]` is a currency sign, `[h]` elapsed hours; `[Red]`, `[$-409]`, `[>100]` go. */
function bracketToken(inside: string): Token {
  if (/^(h+|m+|s+)$/i.test(inside)) return code(`[${inside.toLowerCase()}]`);
  return literal(/^\$([^-]*)/.exec(inside)?.[1] ?? "");
}

/** Sections are split on `;` outside quotes, brackets and backslash escapes. */
function sections(format: string): string[] {
  return format.match(/(?:"[^"]*"|\[[^\]]*\]|\\.|[^;"[\\])+|(?<=^|;)(?=;|$)/g) ?? [format];
}

const isDateCode = (t: Token) => t.kind === "code" && /^(\[?[ymdhs]|a\/p|am\/pm)/i.test(t.text);
const isDigitCode = (t: Token) => t.kind === "code" && /^(general|[0#?.,%]|e[+-])$/i.test(t.text);
const join = (tokens: readonly Token[], kind: Token["kind"]) =>
  tokens.map((t) => (t.kind === kind ? t.text : "")).join("");

/** Positive numbers use the first section, negative ones the second, zero the third. */
function formatNumber(value: number, format: string): string {
  if (!Number.isFinite(value)) return "";
  const all = sections(format);
  let [section = "General", n, signed] = [all[0], value, true];
  if (value < 0 && all.length >= 2) [section, n, signed] = [all[1] ?? "", -value, false];
  else if (value === 0 && all.length >= 3) section = all[2] ?? "";
  const tokens = tokenize(section);
  if (tokens.some(isDateCode)) return formatDate(serialToDate(n), tokens);
  return renderNumber(tokens, n, signed);
}

function renderNumber(tokens: readonly Token[], value: number, signed: boolean): string {
  const first = tokens.findIndex(isDigitCode);
  const last = tokens.findLastIndex(isDigitCode);
  if (first < 0) return join(tokens, "literal") || formatGeneral(value); // `"none"` or `@`
  const codes = join(tokens, "code");
  if (/[0#?]\s*\//.test(tokens.map((t) => t.text).join(""))) return formatGeneral(value);
  const scaled = Math.abs(value) * 100 ** (codes.match(/%/g)?.length ?? 0);
  const digits = /general/i.test(codes) ? formatGeneral(scaled) : placeDigits(codes, scaled);
  const sign = signed && value < 0 && /[1-9]/.test(digits) ? "-" : "";
  const percent = codes.includes("%") ? "%" : "";
  const text = join(tokens.slice(0, first), "literal") + sign + digits + percent;
  // Trimmed: `_)` and trailing spaces only align numbers in a column.
  return (text + join(tokens.slice(last + 1), "literal")).trim();
}

/** Renders a number ≥ 0 with digit placeholders such as `#,##0.00`, `0.0,,` or `0.0E+00`. */
function placeDigits(codes: string, value: number): string {
  const pattern = codes.replace(/e[+-]|[^0#?.,]/gi, (match) => (match.length === 2 ? "E" : ""));
  const [mantissa = "", exponent] = pattern.split("E");
  const scaleCommas = /,*$/.exec(mantissa)?.[0].length ?? 0; // `0,` shows thousands
  const [whole = "", fraction = ""] = mantissa.slice(0, mantissa.length - scaleCommas).split(".");
  const count = (text: string, chars: RegExp) => text.match(chars)?.length ?? 0;
  const minWhole = count(whole, /0/g);
  const decimals = count(fraction, /[0#?]/g);
  const minDecimals = count(fraction, /0/g);
  let [n, power] = [value / 1000 ** scaleCommas, 0];
  if (exponent !== undefined && n !== 0) {
    power = Math.floor(Math.log10(n));
    n /= 10 ** power;
    if (Number(roundTo(n, decimals)) >= 10) [n, power] = [n / 10, power + 1];
  }
  const [intText = "", fracText = ""] = roundTo(n, decimals).split(".");
  let text = intText === "0" && minWhole === 0 ? "" : intText.padStart(minWhole, "0");
  if (/[0#?],[0#?]/.test(whole)) text = text.replace(/\B(?=(\d{3})+$)/g, ",");
  if (mantissa.includes(".")) {
    text += `.${fracText.slice(0, Math.max(minDecimals, fracText.replace(/0+$/, "").length))}`;
  }
  if (exponent === undefined) return text;
  const exponentDigits = String(Math.abs(power)).padStart(count(exponent, /0/g), "0");
  return `${text}E${power < 0 ? "-" : "+"}${exponentDigits}`;
}

/** Rounds half away from zero on the decimal digits a user sees (1.005 -> "1.01"). */
function roundTo(value: number, decimals: number): string {
  const [digits = "0", exponent = "0"] = value.toPrecision(15).split("e");
  const scaled = Math.round(Number(`${digits}e${Number(exponent) + decimals}`));
  return (scaled / 10 ** decimals).toFixed(decimals);
}

/** Excel's General: whole numbers as they are, others to 11 significant digits. */
function formatGeneral(value: number): string {
  const text = Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(11)));
  const scientific = /^(-?[\d.]+)e([+-])(\d+)$/.exec(text);
  if (!scientific) return text;
  const mantissa = Number(Number(scientific[1]).toPrecision(6));
  return `${mantissa}E${scientific[2]}${(scientific[3] ?? "").padStart(2, "0")}`;
}

function serialToDate(serial: number): Date {
  return new Date(EXCEL_EPOCH_MS + Math.round(serial * 86_400_000));
}

function formatDateValue(date: Date, format: string): string {
  if (Number.isNaN(date.getTime())) return "";
  const tokens = tokenize(sections(format)[0] ?? "");
  if (tokens.some(isDateCode)) return formatDate(date, tokens);
  const seconds = Math.round(date.getTime() / 1000) % 86_400;
  const iso = seconds === 0 ? "yyyy-mm-dd" : `yyyy-mm-dd hh:mm${seconds % 60 ? ":ss" : ""}`;
  return formatDate(date, tokenize(iso));
}

/** Date parts in UTC: readers hand over the wall-clock time as if it were UTC. */
function formatDate(date: Date, tokens: readonly Token[]): string {
  const d = new Date(Math.round(date.getTime() / 1000) * 1000); // Excel rounds to seconds
  const twelveHour = tokens.some((t) => t.kind === "code" && /^(am\/pm|a\/p)$/i.test(t.text));
  const dateCodes = tokens.filter(isDateCode).map((t) => t.text.toLowerCase());
  let at = -1;
  return tokens
    .map((t) => {
      if (t.kind === "literal") return t.text;
      if (!isDateCode(t)) return /^[.,0]$/.test(t.text) ? t.text : "";
      at++;
      // `m` is minutes right after hours or right before seconds, else the month.
      const minutes =
        /^\[?h/.test(dateCodes[at - 1] ?? "") || /^\[?s/.test(dateCodes[at + 1] ?? "");
      return datePart(t.text, d, minutes, twelveHour);
    })
    .join("");
}

function datePart(code: string, d: Date, minutes: boolean, twelveHour: boolean): string {
  const lower = code.toLowerCase();
  const pad = (n: number) => String(n).padStart(Math.min(lower.length, 2), "0");
  const [year, hours] = [d.getUTCFullYear(), d.getUTCHours()];
  const month = MONTHS.split(" ")[d.getUTCMonth()] ?? "";
  const day = DAYS.split(" ")[d.getUTCDay()] ?? "";
  switch (lower[0]) {
    case "[":
      return elapsed(lower, d);
    case "y":
      return lower.length > 2 ? String(year) : String(year % 100).padStart(2, "0");
    case "m":
      if (lower.length <= 2) return pad(minutes ? d.getUTCMinutes() : d.getUTCMonth() + 1);
      return [month.slice(0, 3), month][lower.length - 3] ?? month.slice(0, 1);
    case "d":
      return lower.length <= 2 ? pad(d.getUTCDate()) : lower.length === 3 ? day.slice(0, 3) : day;
    case "h":
      return pad(twelveHour ? ((hours + 11) % 12) + 1 : hours);
    case "s":
      return pad(d.getUTCSeconds());
    default: {
      const text = (hours >= 12 ? "PM" : "AM").slice(0, lower === "a/p" ? 1 : 2);
      return code.startsWith("a") ? text.toLowerCase() : text;
    }
  }
}

/** `[h]:mm` counts hours since Excel's day 0 (durations), minutes and seconds likewise. */
function elapsed(code: string, date: Date): string {
  const ms = date.getTime() - EXCEL_EPOCH_MS;
  const unit = code[1] === "h" ? 3_600_000 : code[1] === "m" ? 60_000 : 1000;
  return String(Math.floor(ms / unit)).padStart(code.length - 2, "0");
}
