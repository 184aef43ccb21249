import { spawn, spawnSync } from 'node:child_process';

/**
 * Debian's Python with the notebook stack (python3-pandas, -networkx, -matplotlib, -nbclient,
 * -ipykernel), as .ci/run installs it. Not the `python3` first on PATH, which may be another
 * Python without those packages.
 */
export const DEBIAN_PYTHON = '/usr/bin/python3';
const MODULES = ['pandas', 'networkx', 'matplotlib', 'nbclient', 'nbformat', 'ipykernel'];

function missingModules(): string[] {
  const probe = `import importlib.util, sys\nprint(",".join(m for m in sys.argv[1:] if importlib.util.find_spec(m) is None))`;
  const result = spawnSync(DEBIAN_PYTHON, ['-c', probe, ...MODULES], { encoding: 'utf8' });
  if (result.error || result.status !== 0) return MODULES;
  return result.stdout.trim().split(',').filter(Boolean);
}

const missing = missingModules();
const APT = 'apt-get install python3-pandas python3-networkx python3-matplotlib python3-nbclient python3-ipykernel';

/** In CI the packages are part of the job (.ci/run installs them): missing there is a failure, elsewhere a skip. */
export function checkPython(suite: string): boolean {
  if (!missing.length) return true;
  const note = `${DEBIAN_PYTHON} lacks ${missing.join(', ')}: ${APT}`;
  if (process.env.CI) throw new Error(`${note} (.ci/run should have installed them)`);
  console.warn(`[${suite}] skipped: ${note}`);
  return false;
}

export const PYTHON_SKIP_NOTE = `Debian's Python notebook packages are missing (${APT})`;

export function runPython(args: string[], env: NodeJS.ProcessEnv = {}, timeoutMs = 120_000): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(DEBIAN_PYTHON, args, {
      env: { PATH: process.env.PATH, HOME: process.env.HOME, MPLBACKEND: 'Agg', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}
