// Runs saxes over a complete XML part. saxes never expands DTD entities, so billion-laughs and
// external-entity tricks fail as "undefined entity" instead of reaching the file system.

import { SaxesParser, type SaxesTagPlain } from 'saxes';

export type XmlParser = SaxesParser<{ xmlns: false; position: false }>;
import { importError } from '../import-error.ts';

export interface XmlHandlers {
  open?(name: string, attrs: Record<string, string>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Local name without a namespace prefix: "x:row" → "row". */
export function localName(name: string): string {
  const i = name.indexOf(':');
  return i < 0 ? name : name.slice(i + 1);
}

export function createXmlParser(handlers: XmlHandlers): XmlParser {
  const parser: XmlParser = new SaxesParser({ xmlns: false, position: false });
  const { open, text, close } = handlers;
  if (open) parser.on('opentag', (tag: SaxesTagPlain) => open(localName(tag.name), tag.attributes as Record<string, string>));
  if (text) parser.on('text', text);
  if (close) parser.on('closetag', (tag: SaxesTagPlain) => close(localName(tag.name)));
  return parser;
}

export function parseXmlText(xml: string, handlers: XmlHandlers, what: string): void {
  const parser = createXmlParser(handlers);
  try {
    parser.write(xml).close();
  } catch (err) {
    throw importError(`${what}的内部结构有误，文件可能已损坏（${err instanceof Error ? err.message.slice(0, 120) : ''}）。`);
  }
}

/** An attribute by local name ("r:id", "ns0:id" → "id"). */
export function attrByLocalName(attrs: Record<string, string>, local: string): string | undefined {
  for (const key in attrs) if (localName(key) === local) return attrs[key];
  return undefined;
}
