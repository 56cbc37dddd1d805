import { CHILD_OPERATIONS } from './child-operations.ts';

// `node --import tsx test/stress/child-runner.ts <operation> '<json args>'`: one operation of
// child-operations.ts in its own process, so the parent can SIGKILL it at any moment.

const [name, json] = process.argv.slice(2);
const op = name ? CHILD_OPERATIONS[name] : undefined;
if (!op) {
  process.stderr.write(`unknown operation ${name}; known: ${Object.keys(CHILD_OPERATIONS).join(', ')}\n`);
  process.exit(2);
}
await op(JSON.parse(json ?? '{}') as Record<string, unknown>, {
  ready: () => process.stdout.write('READY\n'),
  done: () => process.stdout.write('DONE\n'),
  say: (line) => process.stdout.write(`${line}\n`),
});
