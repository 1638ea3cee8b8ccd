// Compares two package-lock.json files (before and after `npm install`) and fails only on a real
// drift of what this project asked for: the root entry (the dependency specs of package.json) and
// the installed version of every direct dependency. Other changes (the registry gaining an
// optional binary for another platform, say) are listed as a note, not a failure.
// usage: node .ci/lockcheck.mjs BEFORE AFTER   (exit 1 on drift)
import { readFileSync } from 'node:fs';

const [beforePath, afterPath] = process.argv.slice(2);
const before = JSON.parse(readFileSync(beforePath, 'utf8'));
const after = JSON.parse(readFileSync(afterPath, 'utf8'));
const root = (lock) => lock.packages?.[''] ?? {};
const direct = (lock) => {
  const r = root(lock);
  return Object.keys({ ...r.dependencies, ...r.devDependencies, ...r.optionalDependencies }).sort();
};
const drift = [];
for (const field of ['dependencies', 'devDependencies', 'optionalDependencies', 'peerDependencies']) {
  const a = JSON.stringify(root(before)[field] ?? {});
  const b = JSON.stringify(root(after)[field] ?? {});
  if (a !== b) drift.push(`root ${field}: ${a} -> ${b}`);
}
for (const name of new Set([...direct(before), ...direct(after)])) {
  const a = before.packages?.[`node_modules/${name}`];
  const b = after.packages?.[`node_modules/${name}`];
  if (a?.version !== b?.version || a?.integrity !== b?.integrity) {
    drift.push(`${name}: ${a?.version ?? 'absent'} -> ${b?.version ?? 'absent'}`);
  }
}
const keysA = new Set(Object.keys(before.packages ?? {}));
const keysB = new Set(Object.keys(after.packages ?? {}));
const added = [...keysB].filter((k) => !keysA.has(k));
const removed = [...keysA].filter((k) => !keysB.has(k));
const changed = [...keysB].filter(
  (k) => keysA.has(k) && JSON.stringify(before.packages[k]) !== JSON.stringify(after.packages[k]),
);
if (drift.length) {
  console.error('FAIL: npm install changed the direct dependencies recorded in package-lock.json:');
  for (const d of drift) console.error(`  ${d}`);
  console.error('Run `npm install` and commit package.json with package-lock.json.');
  process.exit(1);
}
if (added.length || removed.length || changed.length) {
  console.log(
    `note: npm install changed ${added.length + removed.length + changed.length} transitive lockfile entries (not a failure):`,
  );
  for (const k of [
    ...added.map((k) => `+ ${k}`),
    ...removed.map((k) => `- ${k}`),
    ...changed.map((k) => `~ ${k}`),
  ].slice(0, 30))
    console.log(`  ${k}`);
} else {
  console.log('lockfile unchanged by npm install');
}
