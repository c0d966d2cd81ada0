// 200 concurrent clients for 60 s (FAULTS_LOAD_SECONDS) on the dashboard's query mix, against one API
// process with its default pools: no 5xx, every request answered (a client gives up after 120 s). The
// machine's load average is recorded with the numbers: latency on a shared 2-core box says little alone. A request that finds every
// connection busy for API_DB_POOL_WAIT_MS gets DATABASE_BUSY (counted apart: an overloaded API says so).
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { drive, normalMix, percentile, post, sampleDatabase, startApiProcess } from './api-load.js';
import { recordFault } from './record.js';

const CLIENTS = 200;
const SECONDS = Number(process.env.FAULTS_LOAD_SECONDS ?? 60);
const database = sampleDatabase(30);

describe(`${CLIENTS} concurrent clients`, () => {
  it(
    `answer every request without a 5xx for ${SECONDS} s`,
    async () => {
      const { api, graphql } = await startApiProcess(
        database().url,
        process.env.FAULTS_API_LOG ? { LOG_LEVEL: process.env.FAULTS_API_LOG } : {},
      );
      const mix = await normalMix(graphql);
      for (const body of mix) expect((await post(graphql, body)).code, body).toBeUndefined();
      const answers = await drive(graphql, CLIENTS, SECONDS * 1000, (c, k) => mix[(c + k) % mix.length]!, 120_000);
      const load = os.loadavg()[1]!.toFixed(1);
      const fivexx = answers.filter((a) => a.status >= 500).length;
      const unanswered = answers.filter((a) => a.status === 0).length;
      const codes = new Map<string, number>();
      for (const a of answers) if (a.code) codes.set(a.code, (codes.get(a.code) ?? 0) + 1);
      const [conns] = await database().query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      const ms = answers.map((a) => a.ms);
      const perQuery = mix.map((body) => {
        const name = /\{ (\w+)/.exec(JSON.parse(body).query as string)?.[1];
        return `${name} ${percentile(
          answers.filter((a) => a.body === body).map((a) => a.ms),
          50,
        ).toFixed(0)}`;
      });
      await recordFault({
        fault: `${CLIENTS} concurrent clients x ${SECONDS} s on the dashboard's query mix (8 queries: lists, filters, search, an article's claims, contradictions, outlets, the coverage matrix), one API process, default pools (\`load-200.test.ts\`)`,
        expected: '0 5xx; every request answered (within 120 s)',
        observed: `${answers.length} requests (${(answers.length / SECONDS).toFixed(0)}/s), ${fivexx} 5xx, ${unanswered} unanswered or refused connections, ${answers.filter((a) => a.status === 200 && !a.code).length} answered with data; errors: ${[...codes].map(([c, n]) => `${n} ${c}`).join(', ') || 'none'}; latency p50 ${percentile(ms, 50).toFixed(0)} ms, p99 ${percentile(ms, 99).toFixed(0)} ms, max ${Math.max(...ms).toFixed(0)} ms (p50 by query, ms: ${perQuery.join(', ')}); ${conns!.n} connections held afterwards; load average ${load} on ${os.cpus().length} cores`,
      });
      if (process.env.FAULTS_API_LOG) {
        console.log(
          [
            ...new Set(
              answers
                .filter((a) => a.status === 0 || a.code === 'INTERNAL_SERVER_ERROR')
                .map((a) => `${a.code} ${a.message}`),
            ),
          ].join('\n'),
        );
        console.log(
          api
            .output()
            .split('\n')
            .filter((l) => l.includes('"level":50'))
            .slice(0, 5)
            .join('\n')
            .slice(0, 5000),
        );
      }
      expect(fivexx).toBe(0);
      expect(unanswered).toBe(0);
      api.child.kill('SIGTERM');
      expect((await api.exited).code).toBe(0);
    },
    120_000 + SECONDS * 1000 + 120_000,
  );
});
