/**
 * A Node module hook, loaded with `--import` into the processes `npm run build` starts
 * (scripts/build.ts, NODE_FLAGS): linkedom's EventTarget (the DOM Plot draws the charts in,
 * src/lib/site/charts.ts) gets its listener map when a listener is first added, not when the
 * node is made.
 *
 * Why: linkedom puts every node it makes (each tick, label, path of a chart) into one module-wide
 * WeakMap, `wm.set(this, new Map)`. No chart adds a listener, yet at build time every node became
 * a WeakMap entry, and the garbage collector's work on those entries was about a third of a
 * chart's cost (a chart benchmark: 12.3 s → 7.9 s of CPU; the constructor alone 14 %, GC
 * 36 % → 24 %). The page bytes are the same: only when the map is made changes.
 *
 * `patchEventTarget` rewrites three spots of linkedom's `interface/event-target.js` (ESM and
 * CommonJS builds); when the text is not what it expects (another linkedom version), it returns
 * the source unchanged, and test/linkedom-listeners.test.ts fails on the installed version so
 * that the hook is looked at again. Needs `module.registerHooks` (Node 22.15+, the Node 24 the
 * npm scripts run on); without it, nothing is changed.
 */
import module from 'node:module';

const FILE = /\/linkedom\/(esm|cjs)\/interface\/event-target\.js$/;

const EDITS = [
  // The constructor no longer makes the map…
  ['  constructor() {\n    wm.set(this, new Map);\n  }', '  constructor() {\n  }'],
  // …the first listener does…
  [
    '  addEventListener(type, listener, options) {\n    const map = wm.get(this);\n',
    '  addEventListener(type, listener, options) {\n    let map = wm.get(this);\n    if (!map) wm.set(this, (map = new Map));\n',
  ],
  // …and removing one from a node that never had any is a no-op (dispatch already checks).
  [
    '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map.has(type)) {',
    '  removeEventListener(type, listener) {\n    const map = wm.get(this);\n    if (map && map.has(type)) {',
  ],
];

/** linkedom's event-target.js with lazy listener maps, or `source` as it is when any spot differs. */
export function patchEventTarget(source) {
  let out = source;
  for (const [from, to] of EDITS) {
    if (out.split(from).length !== 2) return source;
    out = out.replace(from, to);
  }
  return out;
}

if (typeof module.registerHooks === 'function') {
  module.registerHooks({
    load(url, context, next) {
      const loaded = next(url, context);
      if (!FILE.test(url) || loaded.source == null) return loaded;
      return { ...loaded, source: patchEventTarget(String(loaded.source)) };
    },
  });
}
