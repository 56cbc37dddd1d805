// GB/T 9704 dates: Arabic numerals, full year, no leading zeros ("2022年3月15日").

export function formatChineseDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`日期格式应为 YYYY-MM-DD：${iso}`);
  return `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日`;
}
