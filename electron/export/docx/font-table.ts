// The Word font table for the 公文 faces. Offices have 仿宋_GB2312, 楷体_GB2312 and 方正小标宋简体
// installed, but a stock Windows 10/11 PC (and many 信创 Kylin/UOS PCs) has only 仿宋, 楷体, 黑体 and
// 宋体. Word looks a missing face up in word/fontTable.xml and uses its w:altName, else the face
// whose panose, charset and family match best, so every face the report names gets an entry here
// pointing at a face those PCs have. The docx library writes an empty table; this one replaces it.

export interface WordFont {
  name: string;
  /** The face Word uses when `name` is not installed. */
  altName: string;
  /** PANOSE-1 classification as Word writes it (10 bytes, hex). */
  panose: string;
  family: 'roman' | 'modern' | 'swiss' | 'auto';
  pitch: 'fixed' | 'variable' | 'default';
}

/** The faces the report names (FACE) and their fallbacks, in the order the report uses them. */
export const FACE = {
  fang: '仿宋_GB2312',
  hei: '黑体',
  kai: '楷体_GB2312',
  title: '方正小标宋简体',
  song: '宋体',
} as const;

/**
 * GB2312 fonts' Unicode and code page signature: CJK ranges and code page 936, which Word also
 * uses to rank a substitute.
 */
const GB2312_SIG = { usb0: '00000001', usb1: '080E0000', usb2: '00000010', usb3: '00000000', csb0: '00040000', csb1: '00000000' };

export const REPORT_FONTS: readonly WordFont[] = [
  // Body text: 仿宋_GB2312 → 仿宋 (FangSong, in every Windows since Vista and on Kylin/UOS).
  { name: FACE.fang, altName: '仿宋', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: '仿宋', altName: 'FangSong', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  // 二级标题: 楷体_GB2312 → 楷体 (KaiTi).
  { name: FACE.kai, altName: '楷体', panose: '02010609030101010101', family: 'modern', pitch: 'fixed' },
  { name: '楷体', altName: 'KaiTi', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  // 一级标题 and table headers: 黑体 (SimHei) is on every Chinese Windows.
  { name: FACE.hei, altName: 'SimHei', panose: '02010609060101010101', family: 'modern', pitch: 'fixed' },
  // 标题: 方正小标宋简体 → 宋体 (SimSun, always there); 华文中宋 (STZhongsong, with Office and WPS) is
  // the closer weight where present and is listed so a user choosing it by hand finds it.
  { name: FACE.title, altName: FACE.song, panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
  { name: '华文中宋', altName: 'STZhongsong', panose: '02010600040101010101', family: 'auto', pitch: 'variable' },
  { name: FACE.song, altName: 'SimSun', panose: '02010600030101010101', family: 'auto', pitch: 'variable' },
];

const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

export function fontTableXml(fonts: readonly WordFont[] = REPORT_FONTS): string {
  const sig = Object.entries(GB2312_SIG)
    .map(([k, v]) => `w:${k}="${v}"`)
    .join(' ');
  const entries = fonts.map(
    (f) =>
      `<w:font w:name="${attr(f.name)}"><w:altName w:val="${attr(f.altName)}"/><w:panose1 w:val="${f.panose}"/>` +
      `<w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/><w:sig ${sig}/></w:font>`,
  );
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}
