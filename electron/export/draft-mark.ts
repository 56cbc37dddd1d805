// A report whose year is not finalized is a draft, and every page of every export says so, so a
// printed draft is never mistaken for the signed report. Finalized exports carry no mark.

export const DRAFT_MARK = '草稿';

/** The footer line under the page number of a draft. */
export const DRAFT_FOOTER = '草稿（本年度尚未定稿，不作正式报送）';

export interface ExportOptions {
  /** Marks every page 草稿 (watermark, header or footer, as the format allows). */
  draft?: boolean;
}
