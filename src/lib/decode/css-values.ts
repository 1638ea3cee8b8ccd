import type { Rgba } from './ink.ts';

/**
 * CSS values that decide whether text is seen (ink.ts): colours and font sizes, as a page's
 * declarations write them. What is not understood (var(), calc(), an unknown name) is null: not
 * known, which the reader takes as unsure, never as shown nor as hidden.
 */

/** The CSS named colours (CSS Color 4), name:rrggbb. */
const NAMED = new Map(
  (
    'aliceblue:f0f8ff antiquewhite:faebd7 aqua:00ffff aquamarine:7fffd4 azure:f0ffff beige:f5f5dc ' +
    'bisque:ffe4c4 black:000000 blanchedalmond:ffebcd blue:0000ff blueviolet:8a2be2 brown:a52a2a ' +
    'burlywood:deb887 cadetblue:5f9ea0 chartreuse:7fff00 chocolate:d2691e coral:ff7f50 ' +
    'cornflowerblue:6495ed cornsilk:fff8dc crimson:dc143c cyan:00ffff darkblue:00008b darkcyan:008b8b ' +
    'darkgoldenrod:b8860b darkgray:a9a9a9 darkgreen:006400 darkgrey:a9a9a9 darkkhaki:bdb76b ' +
    'darkmagenta:8b008b darkolivegreen:556b2f darkorange:ff8c00 darkorchid:9932cc darkred:8b0000 ' +
    'darksalmon:e9967a darkseagreen:8fbc8f darkslateblue:483d8b darkslategray:2f4f4f darkslategrey:2f4f4f ' +
    'darkturquoise:00ced1 darkviolet:9400d3 deeppink:ff1493 deepskyblue:00bfff dimgray:696969 ' +
    'dimgrey:696969 dodgerblue:1e90ff firebrick:b22222 floralwhite:fffaf0 forestgreen:228b22 ' +
    'fuchsia:ff00ff gainsboro:dcdcdc ghostwhite:f8f8ff gold:ffd700 goldenrod:daa520 gray:808080 ' +
    'green:008000 greenyellow:adff2f grey:808080 honeydew:f0fff0 hotpink:ff69b4 indianred:cd5c5c ' +
    'indigo:4b0082 ivory:fffff0 khaki:f0e68c lavender:e6e6fa lavenderblush:fff0f5 lawngreen:7cfc00 ' +
    'lemonchiffon:fffacd lightblue:add8e6 lightcoral:f08080 lightcyan:e0ffff lightgoldenrodyellow:fafad2 ' +
    'lightgray:d3d3d3 lightgreen:90ee90 lightgrey:d3d3d3 lightpink:ffb6c1 lightsalmon:ffa07a ' +
    'lightseagreen:20b2aa lightskyblue:87cefa lightslategray:778899 lightslategrey:778899 ' +
    'lightsteelblue:b0c4de lightyellow:ffffe0 lime:00ff00 limegreen:32cd32 linen:faf0e6 magenta:ff00ff ' +
    'maroon:800000 mediumaquamarine:66cdaa mediumblue:0000cd mediumorchid:ba55d3 mediumpurple:9370db ' +
    'mediumseagreen:3cb371 mediumslateblue:7b68ee mediumspringgreen:00fa9a mediumturquoise:48d1cc ' +
    'mediumvioletred:c71585 midnightblue:191970 mintcream:f5fffa mistyrose:ffe4e1 moccasin:ffe4b5 ' +
    'navajowhite:ffdead navy:000080 oldlace:fdf5e6 olive:808000 olivedrab:6b8e23 orange:ffa500 ' +
    'orangered:ff4500 orchid:da70d6 palegoldenrod:eee8aa palegreen:98fb98 paleturquoise:afeeee ' +
    'palevioletred:db7093 papayawhip:ffefd5 peachpuff:ffdab9 peru:cd853f pink:ffc0cb plum:dda0dd ' +
    'powderblue:b0e0e6 purple:800080 rebeccapurple:663399 red:ff0000 rosybrown:bc8f8f royalblue:4169e1 ' +
    'saddlebrown:8b4513 salmon:fa8072 sandybrown:f4a460 seagreen:2e8b57 seashell:fff5ee sienna:a0522d ' +
    'silver:c0c0c0 skyblue:87ceeb slateblue:6a5acd slategray:708090 slategrey:708090 snow:fffafa ' +
    'springgreen:00ff7f steelblue:4682b4 tan:d2b48c teal:008080 thistle:d8bfd8 tomato:ff6347 ' +
    'turquoise:40e0d0 violet:ee82ee wheat:f5deb3 white:ffffff whitesmoke:f5f5f5 yellow:ffff00 ' +
    'yellowgreen:9acd32'
  )
    .split(' ')
    .map((p) => p.split(':') as [string, string]),
);

/** A colour: 'current' (currentcolor: the inherited text colour), or null when not known. */
export function cssColour(value: string): Rgba | 'current' | null {
  const v = value.trim().toLowerCase();
  if (v === 'transparent') return { r: 0, g: 0, b: 0, a: 0 };
  if (v === 'currentcolor') return 'current';
  const named = NAMED.get(v);
  if (named) return hex(named);
  if (/^#[0-9a-f]+$/.test(v)) return hex(v.slice(1));
  const m = /^(rgba?|hsla?)\(([^)]*)\)$/.exec(v);
  if (!m) return null;
  const args = m[2]!.split(/[\s,/]+/).filter(Boolean);
  if (args.length < 3 || args.length > 4) return null;
  const alpha = args[3] === undefined ? 1 : fraction(args[3], 1);
  if (alpha === null) return null;
  if (m[1]!.startsWith('rgb')) {
    const [r, g, b] = args.slice(0, 3).map((x) => fraction(x, 255));
    if (r == null || g == null || b == null) return null;
    return { r: clamp(r, 255), g: clamp(g, 255), b: clamp(b, 255), a: clamp(alpha, 1) };
  }
  const h = parseFloat(args[0]!);
  const s = fraction(args[1]!, 100);
  const l = fraction(args[2]!, 100);
  if (!Number.isFinite(h) || s === null || l === null) return null;
  return { ...hsl(h, clamp(s, 100) / 100, clamp(l, 100) / 100), a: clamp(alpha, 1) };
}

function hex(h: string): Rgba | null {
  const x = h.length === 3 || h.length === 4 ? [...h].map((c) => c + c).join('') : h;
  if (x.length !== 6 && x.length !== 8) return null;
  const n = (k: number) => parseInt(x.slice(k, k + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: x.length === 8 ? n(6) / 255 : 1 };
}

/** A number, or a percentage of `full`. */
function fraction(s: string, full: number): number | null {
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?)(%?)$/.exec(s);
  if (!m) return null;
  return m[2] ? (Number(m[1]) / 100) * full : Number(m[1]);
}

const clamp = (v: number, max: number) => Math.min(max, Math.max(0, v));

function hsl(h: number, s: number, l: number): { r: number; g: number; b: number } {
  const k = (n: number) => (n + h / 30) % 12;
  const a = s * Math.min(l, 1 - l);
  const f = (n: number) => 255 * (l - a * Math.max(-1, Math.min(k(n) - 3, 9 - k(n), 1)));
  return { r: f(0), g: f(8), b: f(4) };
}

/**
 * A font-size: absolute pixels, or a factor of the parent's size (em, %, smaller, larger); null
 * when not known (var(), calc(), viewport units).
 */
export type FontSize = { px: number } | { factor: number };

const KEYWORD_PX: Record<string, number> = {
  'xx-small': 9,
  'x-small': 10,
  small: 13,
  medium: 16,
  large: 18,
  'x-large': 24,
  'xx-large': 32,
  'xxx-large': 48,
};
const UNIT_PX: Record<string, number> = {
  px: 1,
  pt: 4 / 3,
  pc: 16,
  in: 96,
  cm: 96 / 2.54,
  mm: 96 / 25.4,
  q: 96 / 101.6,
};

export function cssFontSize(value: string): FontSize | null {
  const v = value.trim().toLowerCase();
  if (v in KEYWORD_PX) return { px: KEYWORD_PX[v]! };
  if (v === 'smaller') return { factor: 1 / 1.2 };
  if (v === 'larger') return { factor: 1.2 };
  const m = /^([+-]?(?:\d+\.?\d*|\.\d+))([a-z]*|%)$/.exec(v);
  if (!m) return null;
  const n = Math.max(0, Number(m[1]));
  const unit = m[2]!;
  if (unit === '' && n === 0) return { px: 0 };
  if (unit in UNIT_PX) return { px: n * UNIT_PX[unit]! };
  if (unit === 'em') return { factor: n };
  if (unit === '%') return { factor: n / 100 };
  // The root's size is taken as the browser's default (16px); ex and ch about half an em.
  if (unit === 'rem') return { px: n * 16 };
  if (unit === 'ex' || unit === 'ch') return { factor: n / 2 };
  return n === 0 ? { px: 0 } : null;
}

/** The font-size in a `font` shorthand (`bold 12px/1.5 宋体`); undefined: none found (a system font). */
export function fontShorthandSize(value: string): FontSize | null | undefined {
  for (const token of value.trim().toLowerCase().split(/\s+/)) {
    const size = token.split('/')[0]!;
    if (size in KEYWORD_PX || size === 'smaller' || size === 'larger' || /^[+-]?[\d.]/.test(size))
      // A bare number is a font-weight (700), not a size.
      if (!/^\d+$/.test(size) || token.includes('/')) return cssFontSize(size);
  }
  return undefined;
}

/**
 * The colour a `background` shorthand paints (its last layer's colour; transparent when it names
 * none); null when a part is not understood. Images are not evaluated (see shown.ts).
 */
export function backgroundColour(value: string): ReturnType<typeof cssColour> {
  const v = value.trim().toLowerCase();
  if (/^(?:none|initial|unset|revert|revert-layer)$/.test(v)) return { r: 0, g: 0, b: 0, a: 0 };
  if (/gradient\(/.test(v)) return gradientColour(v);
  const layers = v.split(/,(?![^(]*\))/);
  const last = layers[layers.length - 1]!;
  let found: ReturnType<typeof cssColour> = { r: 0, g: 0, b: 0, a: 0 };
  for (const token of last.match(/[a-z-]+\([^)]*\)|[^\s]+/g) ?? []) {
    if (/^(?:url|(?:repeating-)?(?:linear|radial|conic)-gradient|image-set|-webkit-[a-z-]+)\(/.test(token)) continue;
    const c = cssColour(token);
    if (c !== null) found = c;
    else if (/^(?:var|calc|env|color-mix|lab|lch|oklab|oklch|color|hwb)\(/.test(token)) return null;
  }
  return found;
}

/**
 * The backdrop a gradient paints under text: its one colour when every stop is the same opaque
 * colour (`linear-gradient(#000,#000)`: black, a fresh tester's black digit on it read as shown);
 * null (not known) when its stops differ or let what is beneath show through: the text may
 * stand on any of them.
 */
function gradientColour(v: string): ReturnType<typeof cssColour> {
  const stops = (v.match(/#[0-9a-f]{3,8}\b|(?:rgba?|hsla?)\([^)]*\)|\b[a-z]+\b/g) ?? [])
    .map((t) => cssColour(t))
    .filter((c): c is Exclude<ReturnType<typeof cssColour>, null | 'current'> => c !== null && c !== 'current');
  const first = stops[0];
  if (!first || first.a < 1) return null;
  return stops.every((c) => c.r === first.r && c.g === first.g && c.b === first.b && c.a === first.a) ? first : null;
}
