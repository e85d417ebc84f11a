// `npm run bench`: every benchmark, one line per figure. Kept out of `npm test`: figures depend
// on the machine, tests must not.
import os from 'node:os';
import { benchParse } from './parse.bench';

const lines: string[] = [];
const print = (line: string) => {
  lines.push(line);
  console.log(line);
};

print(`duban bench — ${new Date().toISOString()} — ${os.cpus().length} cores, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
for (const line of benchParse()) print(line);
