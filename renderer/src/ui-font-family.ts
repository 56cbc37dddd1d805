/** System Chinese faces first; the bundled face (ui-font.css) only where none of them is installed. */
export const UI_FONT_FAMILY = '"Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", "SelfEval UI Sans", sans-serif';
