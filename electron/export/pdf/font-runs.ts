import { FALLBACK, type FaceId } from './font-registry.ts';

// Fandol faces cover about GB2312; a name such as 陈镕 would print as a box. Text is split into runs
// per character coverage, and characters the primary face lacks go to its full-coverage fallback.

export interface FontRun {
  text: string;
  face: FaceId;
}

export type Coverage = (face: FaceId, codePoint: number) => boolean;

/** The face that prints `cp`: the primary, unless only its fallback has the glyph. */
export function faceFor(cp: number, primary: FaceId, covers: Coverage): FaceId {
  const fallback = FALLBACK[primary];
  return fallback !== null && cp > 0x20 && !covers(primary, cp) && covers(fallback, cp) ? fallback : primary;
}

/** Splits text into maximal runs per face; a character neither face has stays in the primary. */
export function splitRuns(text: string, primary: FaceId, covers: Coverage): FontRun[] {
  const runs: FontRun[] = [];
  for (const ch of text) appendRun(runs, ch, faceFor(ch.codePointAt(0)!, primary, covers));
  return runs;
}

/** Appends text to the last run when it has the same face, else starts a run. */
export function appendRun(runs: FontRun[], text: string, face: FaceId): void {
  const last = runs[runs.length - 1];
  if (last && last.face === face) last.text += text;
  else runs.push({ text, face });
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
