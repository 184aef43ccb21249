/**
 * Release dates as lists write them — `2019/10`, `2023-03-14`, `2023.03`, `Mar 2023`,
 * `2023年3月14日`, `2024` — as ISO 8601 partial dates (`2019-10`, `2023-03-14`, `2024`).
 */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const pad = (n: number) => String(n).padStart(2, '0');

function iso(year: number, month?: number, day?: number): string | null {
  if (year < 1990 || year > 2100) return null;
  if (month === undefined) return String(year);
  if (month < 1 || month > 12) return null;
  if (day === undefined) return `${year}-${pad(month)}`;
  if (day < 1 || day > 31) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

export function readDate(value: string): string | null {
  const text = value.normalize('NFKC').replace(/\*+/g, '').trim();
  if (!text || text.length > 40) return null;
  let m = /^((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?)?\s*月?$/.exec(text);
  if (m) return iso(Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : undefined);
  m = /^((?:19|20)\d{2})\s*年?$/.exec(text);
  if (m) return iso(Number(m[1]));
  m = /^(\d{1,2})\s*[-/.]\s*((?:19|20)\d{2})$/.exec(text);
  if (m) return iso(Number(m[2]), Number(m[1]));
  m = /^(?:(\d{1,2})\s+)?([A-Za-z]{3,9})\.?\s+(?:(\d{1,2}),?\s+)?((?:19|20)\d{2})$/.exec(text);
  if (m) {
    const month = MONTHS.indexOf(m[2].slice(0, 3).toLowerCase());
    if (month < 0) return null;
    const day = m[1] ?? m[3];
    return iso(Number(m[4]), month + 1, day ? Number(day) : undefined);
  }
  return null;
}
