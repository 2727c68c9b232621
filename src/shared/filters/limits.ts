// No schema library here: the settings schema reads these limits, and the CLI's read-only commands load it
// without zod (test/main/cli-startup.test.ts).

/**
 * Bounds on a filter, shared by the settings schema, the IPC contract and the list editor. 1000
 * entries per list keeps the script well under Dovecot's 1 MB default `sieve_max_script_size`.
 */
export const FILTER_LIMITS = {
  entries: 1000,
  length: { addresses: 254, domains: 253, keywords: 200 },
  folder: 100,
} as const
