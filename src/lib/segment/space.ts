/**
 * Whether the UTF-16 code unit is one `\s` matches: the ECMAScript white space and line
 * terminators (TAB, LF, VT, FF, CR, space, NBSP, U+1680, U+2000–U+200A, LS, PS, U+202F,
 * U+205F, U+3000, BOM). For loops over character codes that replace a pattern; the tests that
 * compare them with their patterns have these spaces in their random lines.
 */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    (c > 0x7f &&
      (c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000 ||
        c === 0xfeff))
  );
}
