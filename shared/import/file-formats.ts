// The real format of an import file, decided from its first bytes (never from its extension).

export const FILE_FORMATS = ['xlsx', 'xls', 'xml2003', 'html', 'ods', 'csv'] as const;
export type FileFormat = (typeof FILE_FORMATS)[number];

export const FILE_FORMAT_LABELS: Record<FileFormat, string> = {
  xlsx: 'Excel 工作簿（.xlsx）',
  xls: 'Excel 97-2003 工作簿（.xls）',
  xml2003: 'XML 电子表格 2003',
  html: '网页表格（另存为 .xls 的 HTML）',
  ods: 'OpenDocument 电子表格（.ods）',
  csv: '文本文件（CSV/TXT）',
};

export const TEXT_ENCODINGS = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'] as const;
export type TextEncodingChoice = (typeof TEXT_ENCODINGS)[number];
export type TextEncoding = Exclude<TextEncodingChoice, 'auto'>;

export const TEXT_ENCODING_LABELS: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  gb18030: 'GBK/GB18030（中文 Windows 默认）',
  'utf-16le': 'UTF-16（Unicode 文本）',
  'utf-16be': 'UTF-16 BE',
};
