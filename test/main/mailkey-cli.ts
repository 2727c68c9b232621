import { spawn } from 'node:child_process'

export interface CliRun {
  code: number | null
  stdout: string
  stderr: string
}

/**
 * Runs the built CLI (`bin/mailkey.js`, after `npm run build`) as a user would, with `stdin` piped in
 * and extra environment (NODE_EXTRA_CA_CERTS for the bed's CA, a settings folder). Killed after `timeoutMs`.
 */
export function runMailkey(
  args: string[],
  stdin: string,
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 30_000,
): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bin/mailkey.js', ...args], {
      env: { ...process.env, ...env },
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()))
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs)
    child.on('error', reject)
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code, stdout, stderr })
    })
    child.stdin.end(stdin)
  })
}
