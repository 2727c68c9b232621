// `npx tsx scripts/corpus-figures.ts`: the diagnosis corpus counted by expected cause and by client stack,
// and how many entries the engine gets right. Prints; changes nothing.
import { diagnose } from '../src/main/diagnosis/index.js'
import { CAUSES } from '../src/shared/diagnosis.js'
import { stackOf } from '../test/main/corpus-stacks.js'
import { CORPUS } from '../test/main/diagnosis-corpus.js'

function count<K extends string>(keys: readonly K[]): Map<K, number> {
  const m = new Map<K, number>()
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1)
  return m
}

function table(title: string, m: Map<string, number>): void {
  console.log(`\n${title}`)
  for (const [k, n] of [...m].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])))
    console.log(`  ${k.padEnd(30)} ${String(n).padStart(4)}`)
}

const right = CORPUS.filter(
  (e) =>
    diagnose({
      text: e.text,
      ...(e.code ? { code: e.code } : {}),
      ...(e.protocol ? { protocol: e.protocol } : {}),
      ...e.context,
    }).cause === e.expected,
).length
console.log(`Diagnosis corpus: ${CORPUS.length} real texts, ${right} diagnosed as expected`)
const byCause = count(CORPUS.map((e) => e.expected))
for (const c of CAUSES) if (!byCause.has(c)) byCause.set(c, 0)
table('By expected cause', byCause)
table(
  'By client stack (given, or read from the text; "server": a server reply quoted as it is)',
  count(CORPUS.map(stackOf)),
)
table('Entries that name their stack (this round)', count(CORPUS.flatMap((e) => (e.stack ? [e.stack] : []))))
