import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * `--help` / `-h` for the scripts that have no argument parser of their own: prints the usage
 * the script's header comment gives (its first `/** … *\/` block, the one place it is written)
 * and exits 0, before the script does anything (a fresh tester's `npm run build -- --help` built
 * the site and replaced dist/; `bench -- --help` started the whole benchmark).
 */
export function exitOnHelp(scriptUrl: string, args: readonly string[] = process.argv.slice(2)): void {
  if (!args.includes('--help') && !args.includes('-h')) return;
  process.stdout.write(`${usageOf(readFileSync(fileURLToPath(scriptUrl), 'utf8'))}\n`);
  process.exit(0);
}

/** The header comment's text, without its `/**`, `*` and `*\/`. */
export function usageOf(source: string): string {
  const m = /^\s*\/\*\*([\s\S]*?)\*\//.exec(source);
  if (!m) return '';
  return m[1]!
    .split('\n')
    .map((l) => l.replace(/^\s*\* ?/, ''))
    .join('\n')
    .trim();
}
