import { FALLBACK, type FaceId } from './font-registry.ts';

// Fandol faces cover about GB2312; a name such as 陈镕 would print as a box. Text is split into runs
// per character coverage, and characters the primary face lacks go to its full-coverage fallback.

export interface FontRun {
  text: string;
  face: FaceId;
}

export type Coverage = (face: FaceId, codePoint: number) => boolean;

/** Splits text into maximal runs per face; a character neither face has stays in the primary. */
export function splitRuns(text: string, primary: FaceId, covers: Coverage): FontRun[] {
  const fallback = FALLBACK[primary];
  const runs: FontRun[] = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let face = primary;
    if (fallback !== null && cp > 0x20 && !covers(primary, cp) && covers(fallback, cp)) face = fallback;
    const last = runs[runs.length - 1];
    if (last && last.face === face) last.text += ch;
    else runs.push({ text: ch, face });
  }
  return runs;
}

/** Characters of `text` that neither the face nor its fallback can print. */
export function uncoveredCharacters(text: string, primary: FaceId, covers: Coverage): string[] {
  const fallback = FALLBACK[primary];
  const out = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    if (cp <= 0x20) continue;
    if (!covers(primary, cp) && (fallback === null || !covers(fallback, cp))) out.add(ch);
  }
  return [...out];
}
