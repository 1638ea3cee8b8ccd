import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';

/**
 * Runs a GitHub Actions workflow of this repository on this machine, job after job, as a runner
 * would, so that its commands, expressions and artifact paths are tested without GitHub:
 *
 * - `actions/checkout`: a fresh copy of the repository's tracked files (as they are in the
 *   working tree) in a folder of the job's own, with the project's node_modules linked in;
 * - `actions/setup-node`: the project's own Node (node_modules/node) first on PATH, after
 *   checking that it is the major version asked for;
 * - `npm ci`: nothing (node_modules is linked);
 * - `actions/upload-artifact@v4` and `download-artifact@v4`: copies into and out of an artifact
 *   folder, with v4's rules: a folder's contents, hidden files left out unless
 *   `include-hidden-files`, a download by `pattern` into a folder per artifact, names unique and
 *   free of the characters v4 rejects;
 * - `run`: bash -eo pipefail in the job's folder, with the workflow's and the step's env, and
 *   `$GITHUB_OUTPUT` read back into the step's outputs.
 *
 * Only the expressions the workflow uses are known (`inputs.X || 'v'`, `steps.S.outputs.O`,
 * `needs.J.outputs.O`, `matrix.X`, `fromJSON(…)`); any other is an error, so a workflow that
 * changes past what this replays fails its test instead of passing untested. Jobs run in the
 * order of their `needs`, a matrix's entries one after another.
 */

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  outputs?: Record<string, string>;
  strategy?: { matrix: Record<string, string> };
  steps: Step[];
}
interface Workflow {
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}

interface Context {
  inputs: Record<string, string>;
  steps: Record<string, Record<string, string>>;
  needs: Record<string, Record<string, string>>;
  matrix: Record<string, unknown>;
}

/** What a replay did: each job's (and matrix entry's) folder and outputs, and the artifacts. */
export interface Replay {
  jobs: Array<{ job: string; matrix: Record<string, unknown>; dir: string; outputs: Record<string, string> }>;
  artifacts: string;
  log: string[];
}

// upload-artifact v4 rejects these in a name.
const BAD_NAME = /["':<>|*?\r\n\\/]/;

/** Evaluates one expression of the kinds listed above. */
export function evaluate(expr: string, ctx: Context): unknown {
  const e = expr.trim();
  const alternatives = e.split('||').map((s) => s.trim());
  if (alternatives.length > 1) {
    for (const a of alternatives) {
      const v = evaluate(a, ctx);
      if (v) return v;
    }
    return evaluate(alternatives.at(-1)!, ctx);
  }
  let m: RegExpMatchArray | null;
  if ((m = e.match(/^'([^']*)'$/))) return m[1];
  if ((m = e.match(/^fromJSON\((.*)\)$/))) return JSON.parse(String(evaluate(m[1]!, ctx)));
  if ((m = e.match(/^inputs\.([\w-]+)$/))) return ctx.inputs[m[1]!] ?? '';
  if ((m = e.match(/^matrix\.([\w-]+)$/))) {
    if (!(m[1]! in ctx.matrix)) throw new Error(`no matrix.${m[1]}`);
    return ctx.matrix[m[1]!];
  }
  if ((m = e.match(/^(steps|needs)\.([\w-]+)\.outputs\.([\w-]+)$/))) {
    const v = ctx[m[1] as 'steps' | 'needs'][m[2]!]?.[m[3]!];
    if (v === undefined) throw new Error(`${e} is not set`);
    return v;
  }
  throw new Error(`the replay does not know the expression \${{ ${e} }}`);
}

/** A string with its `${{ … }}` replaced; a whole-string expression keeps its value's type. */
export function substitute(text: string, ctx: Context): unknown {
  const whole = text.match(/^\$\{\{(.*)\}\}$/s);
  if (whole) return evaluate(whole[1]!, ctx);
  return text.replace(/\$\{\{(.*?)\}\}/g, (_, e: string) => String(evaluate(e, ctx)));
}

/** Copies a folder's contents, leaving out hidden files and folders unless `hidden`. */
function copyContents(from: string, to: string, hidden: boolean): void {
  mkdirSync(to, { recursive: true });
  for (const e of readdirSync(from)) {
    if (!hidden && e.startsWith('.')) continue;
    cpSync(join(from, e), join(to, e), {
      recursive: true,
      dereference: true,
      filter: (src) =>
        hidden ||
        !src
          .slice(from.length)
          .split('/')
          .some((p) => p.startsWith('.')),
    });
  }
}

/** The job order: each after the jobs it needs. */
function order(jobs: Record<string, Job>): string[] {
  const out: string[] = [];
  const visit = (name: string, path: string[]) => {
    if (out.includes(name)) return;
    if (path.includes(name)) throw new Error(`needs cycle: ${[...path, name].join(' → ')}`);
    const job = jobs[name];
    if (!job) throw new Error(`no job ${name}`);
    for (const n of [job.needs ?? []].flat()) visit(n, [...path, name]);
    out.push(name);
  };
  for (const name of Object.keys(jobs)) visit(name, []);
  return out;
}

/**
 * Replays `workflowFile` of the repository at `repo` in `work` (created; each job gets a
 * folder in it) with the dispatch `inputs`. Throws at the first failing step, with its output.
 */
export function replayWorkflow(
  repo: string,
  workflowFile: string,
  work: string,
  inputs: Record<string, string>,
): Replay {
  const wf = parse(readFileSync(join(repo, workflowFile), 'utf8')) as Workflow;
  const artifacts = join(work, 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  const tracked = spawnSync('git', ['ls-files', '-z'], { cwd: repo, encoding: 'utf8' });
  if (tracked.status !== 0) throw new Error(`git ls-files failed: ${tracked.stderr}`);
  const files = tracked.stdout.split('\0').filter((f) => f && existsSync(join(repo, f)));
  const needs: Context['needs'] = {};
  const replay: Replay = { jobs: [], artifacts, log: [] };
  const nodeBin = resolve(repo, 'node_modules/node/bin');

  for (const name of order(wf.jobs)) {
    const job = wf.jobs[name]!;
    const base: Context = { inputs, steps: {}, needs, matrix: {} };
    // A matrix of one key (the workflow's): its list, evaluated.
    const entries: Array<Record<string, unknown>> = [{}];
    if (job.strategy?.matrix) {
      const keys = Object.entries(job.strategy.matrix);
      if (keys.length !== 1) throw new Error(`${name}: the replay knows a matrix of one key`);
      const [key, value] = keys[0]!;
      const list: unknown = substitute(value, base);
      if (!Array.isArray(list) || !list.length) throw new Error(`${name}: matrix.${key} is not a non-empty list`);
      entries.splice(0, 1, ...list.map((v: unknown) => ({ [key]: v })));
    }
    entries.forEach((matrix, i) => {
      const ctx: Context = { ...base, steps: {}, matrix };
      const dir = join(work, `${name}-${i}`);
      let path = process.env.PATH ?? '';
      replay.log.push(`job ${name} ${JSON.stringify(matrix)}`);
      for (const step of job.steps) {
        const withs = Object.fromEntries(
          Object.entries(step.with ?? {}).map(([k, v]) => [k, String(substitute(String(v), ctx))]),
        );
        const uses = step.uses?.replace(/@.*/, '');
        if (step.uses && !/@v4$/.test(step.uses))
          throw new Error(`${name}: the replay knows the v4 actions, not ${step.uses}`);
        if (uses === 'actions/checkout') {
          for (const f of files) {
            mkdirSync(dirname(join(dir, f)), { recursive: true });
            cpSync(join(repo, f), join(dir, f));
          }
          symlinkSync(resolve(repo, 'node_modules'), join(dir, 'node_modules'));
        } else if (uses === 'actions/setup-node') {
          const r = spawnSync(join(nodeBin, 'node'), ['--version'], { encoding: 'utf8' });
          if (!r.stdout.startsWith(`v${withs['node-version']}.`))
            throw new Error(`${name}: setup-node asks for ${withs['node-version']}, the project brings ${r.stdout}`);
          path = `${nodeBin}${delimiter}${path}`;
        } else if (uses === 'actions/upload-artifact') {
          const art = withs.name ?? 'artifact';
          if (BAD_NAME.test(art)) throw new Error(`${name}: artifact name ${art} has a character v4 rejects`);
          if (existsSync(join(artifacts, art))) throw new Error(`${name}: a second artifact named ${art}`);
          const from = join(dir, withs.path!);
          if (!existsSync(from)) throw new Error(`${name}: nothing to upload at ${withs.path}`);
          copyContents(from, join(artifacts, art), withs['include-hidden-files'] === 'true');
          replay.log.push(`  uploaded ${art}`);
        } else if (uses === 'actions/download-artifact') {
          const to = join(dir, withs.path ?? '.');
          if (withs.name) {
            if (!existsSync(join(artifacts, withs.name))) throw new Error(`${name}: no artifact ${withs.name}`);
            copyContents(join(artifacts, withs.name), to, true);
          } else {
            const re = new RegExp(`^${withs.pattern!.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`);
            const matched = readdirSync(artifacts).filter((a) => re.test(a));
            if (!matched.length) throw new Error(`${name}: no artifact matches ${withs.pattern}`);
            for (const a of matched) copyContents(join(artifacts, a), join(to, a), true);
          }
        } else if (step.uses) {
          throw new Error(`${name}: the replay does not know ${step.uses}`);
        } else if (step.run!.trim() === 'npm ci') {
          // node_modules is the project's, linked in.
        } else {
          // Outside the job's folder, where an upload would find it.
          const out = join(work, 'github_output');
          writeFileSync(out, '');
          const env: Record<string, string | undefined> = {
            ...process.env,
            PATH: path,
            GITHUB_OUTPUT: out,
            CI: 'true',
          };
          // vitest's own Vite settings must not reach a child build.
          for (const k of [
            'BASE_URL',
            'MODE',
            'DEV',
            'PROD',
            'SSR',
            'NODE_ENV',
            'VITEST',
            'VITEST_POOL_ID',
            'VITEST_WORKER_ID',
          ])
            delete env[k];
          for (const [k, v] of Object.entries({ ...wf.env, ...step.env })) env[k] = String(substitute(String(v), ctx));
          const script = String(substitute(step.run!, ctx));
          const r = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', script], {
            cwd: dir,
            env,
            encoding: 'utf8',
            maxBuffer: 256 << 20,
          });
          replay.log.push(`  run: ${script.trim().split('\n')[0]} → ${r.status}`);
          if (r.status !== 0)
            throw new Error(
              `${name}: \`${script.trim()}\` failed (exit ${r.status})\n${r.stderr}\n${r.stdout.slice(-4000)}`,
            );
          const outputs: Record<string, string> = {};
          for (const line of readFileSync(out, 'utf8').split('\n')) {
            const eq = line.indexOf('=');
            if (eq > 0) outputs[line.slice(0, eq)] = line.slice(eq + 1);
          }
          rmSync(out);
          if (step.id) ctx.steps[step.id] = outputs;
        }
      }
      const outputs = Object.fromEntries(
        Object.entries(job.outputs ?? {}).map(([k, v]) => [k, String(substitute(v, ctx))]),
      );
      // A matrix job's outputs are not read by later jobs here (GitHub keeps one entry's only).
      needs[name] = outputs;
      replay.jobs.push({ job: name, matrix, dir, outputs });
    });
  }
  return replay;
}
