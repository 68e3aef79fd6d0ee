/** Runs the real `recgraph` CLI against the suite's database, as a user would. */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

const CLI = path.join(import.meta.dirname, '../../bin/recgraph.js');

/** The CLI's exit code and output, for `args` (e.g. 'import', '--format', 'document', FILE). */
export async function recgraph(
  ...args: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NEO4J_URI: inject('neo4jUri'),
    NEO4J_USER: inject('neo4jUser') ?? '',
    NEO4J_PASSWORD: inject('neo4jPassword') ?? '',
    NEO4J_DATABASE: inject('neo4jDatabase'),
    LOG_LEVEL: 'warn',
  };
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], { env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** The JSON object a `--json` run prints on its last line. */
export const lastJson = (stdout: string) =>
  JSON.parse(stdout.trim().split('\n').at(-1)!) as Record<string, unknown>;
