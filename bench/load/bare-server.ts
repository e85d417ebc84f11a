// The bare server the app is measured against: the same framework (Fastify, default options),
// answering each request the bench makes with the very bytes the app answered to it, from memory.
// What the app does beyond this — sessions, policy, validation, the database, serialising — is
// what the ratio between the two measures. Run as its own process; prints its port on stdout.
import fs from 'node:fs';
import Fastify from 'fastify';
import { urlPattern, type RecordedAnswer } from './plan';

const answers = JSON.parse(fs.readFileSync(process.argv[2] ?? '', 'utf8')) as RecordedAnswer[];
const byKey = new Map(answers.map((a) => [`${a.method} ${a.url} ${a.cookie}`, a]));

const app = Fastify({ logger: false });
app.route({
  method: ['GET', 'POST', 'PUT'],
  url: '/*',
  handler: async (request, reply) => {
    const cookie = request.headers.cookie ?? '';
    // A write's path is per record; its answer was recorded once per kind, keyed by the pattern.
    const answer = byKey.get(`${request.method} ${request.url} ${cookie}`) ?? byKey.get(`${request.method} ${urlPattern(request.url)} *`);
    if (!answer) return reply.code(404).send({ error: 'not recorded' });
    return reply.code(answer.status).header('content-type', answer.contentType).send(answer.body);
  },
});

app.listen({ port: 0, host: '127.0.0.1' }).then(
  (address) => process.stdout.write(`${new URL(address).port}\n`),
  (e: unknown) => {
    process.stderr.write(String(e));
    process.exit(1);
  },
);
