import { createRequire } from 'node:module';

// pdfkit embeds each face as a subset made by fontkit. For a CFF face, fontkit runs every embedded
// glyph's charstring through its interpreter only to learn which subroutines the glyph calls, so the
// unused ones can be dropped from the subset. The Fandol faces have no subroutines at all: that pass
// finds nothing, yet it was the largest single cost of a PDF export (a quarter of the CPU time and
// about 10 MB of garbage for the example report). For faces without subroutines, the subset is
// handed glyphs that report no subroutine calls instead of being interpreted.
//
// This depends on fontkit internals (Subset#font, Glyph#_usedGsubrs/_usedSubrs, the CFF subroutine
// indexes), so it installs itself only after subsetting a real face both ways and getting the same
// bytes; otherwise pdfkit keeps fontkit's own behaviour and exports are merely slower.

interface CffDict {
  Private?: { Subrs?: ArrayLike<unknown> } | null;
}

interface CffTable {
  globalSubrIndex?: ArrayLike<unknown>;
  topDict: CffDict & { FDArray?: CffDict[] };
}

interface FontkitSubset {
  font: unknown;
  cff?: CffTable;
  includeGlyph(gid: number): number;
  encode(): Uint8Array;
}

interface FontkitFont {
  numGlyphs: number;
  createSubset(): FontkitSubset;
}

interface FontkitCjs {
  create(buffer: Buffer): FontkitFont;
}

/** What the subsetter reads from a glyph to find its subroutine calls: none. */
const NO_SUBROUTINE_CALLS = Object.freeze({ _usedGsubrs: Object.freeze({}), _usedSubrs: Object.freeze({}) });
const GLYPHS_WITHOUT_CALLS = Object.freeze({ getGlyph: () => NO_SUBROUTINE_CALLS });

const empty = (index: ArrayLike<unknown> | undefined | null) => index == null || index.length === 0;

export function hasNoSubroutines(cff: CffTable): boolean {
  const dicts = [cff.topDict, ...(cff.topDict.FDArray ?? [])];
  return empty(cff.globalSubrIndex) && dicts.every((d) => empty(d.Private?.Subrs));
}

/**
 * The fontkit instance pdfmake's pdfkit uses (its CommonJS build; the ESM build has different
 * classes), resolved the way pdfmake resolves it, wherever the package manager put it.
 */
function pdfkitFontkit(): FontkitCjs {
  const pdfmake = createRequire(import.meta.url).resolve('pdfmake');
  const pdfkit = createRequire(pdfmake).resolve('pdfkit');
  return createRequire(pdfkit)('fontkit') as FontkitCjs;
}

function subsetBytes(font: FontkitFont, gids: number[]): Buffer {
  const subset = font.createSubset();
  for (const gid of gids) subset.includeGlyph(gid);
  return Buffer.from(subset.encode());
}

let state: 'unknown' | 'installed' | 'declined' = 'unknown';

/**
 * Installs the fast path once per process if subsetting `sample` (a CFF face without subroutines)
 * gives the same bytes with and without it. Returns whether it is active.
 */
export function installCffSubsetFastPath(sample: Buffer): boolean {
  if (state !== 'unknown') return state === 'installed';
  state = 'declined';
  try {
    state = tryInstall(sample) ? 'installed' : 'declined';
  } catch {
    // Anything unexpected (another fontkit, another layout of node_modules): exports stay correct,
    // just without the shortcut.
  }
  return state === 'installed';
}

function tryInstall(sample: Buffer): boolean {
  const fontkit = pdfkitFontkit();
  const probe = fontkit.create(sample);
  const proto = Object.getPrototypeOf(probe) as FontkitFont;
  const original = proto.createSubset;
  const probeSubset = probe.createSubset();
  if (!probeSubset.cff || !hasNoSubroutines(probeSubset.cff) || !('font' in probeSubset)) return false;
  // Spread over the font so the check meets simple and complex outlines alike.
  const step = Math.max(1, Math.floor(probe.numGlyphs / 97));
  const gids = Array.from({ length: 97 }, (_, i) => Math.min(probe.numGlyphs - 1, 1 + i * step));
  const reference = subsetBytes(probe, gids);
  proto.createSubset = function (this: FontkitFont): FontkitSubset {
    const subset = original.call(this);
    if (subset.cff && hasNoSubroutines(subset.cff)) subset.font = GLYPHS_WITHOUT_CALLS;
    return subset;
  };
  let same = false;
  try {
    same = subsetBytes(fontkit.create(sample), gids).equals(reference);
  } finally {
    if (!same) proto.createSubset = original;
  }
  return same;
}
