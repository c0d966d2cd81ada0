// Configuration of the ingest CLI and worker, read from the environment once, every bad value reported together.
import { z } from 'zod';

const EnvModel = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must be a postgres:// URL')
    .optional(),
  CLAIMGRAPH_DATA_DIR: z.string().min(1).optional(),
  CLAIMGRAPH_WORKSPACE: z.string().min(1).default('local'),
  WORKER_CONCURRENCY: z.coerce.number().int().min(1, 'WORKER_CONCURRENCY must be at least 1').max(64).default(2),
  /** Seconds before an active job whose worker died is handed to another worker. */
  INGEST_JOB_EXPIRE_SECONDS: z.coerce.number().int().min(1).max(3600).default(600),
  INGEST_MAINTENANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** Seconds a lost or refused database connection is retried (a restart, a failover) before an article fails. */
  INGEST_DB_RETRY_SECONDS: z.coerce.number().min(0).max(3600).default(30),
  /** Seconds the worker lets running jobs finish on SIGTERM before handing them back to the queue. */
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce.number().min(0).max(3600).default(10),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Test hook: the worker holds each ingest transaction open this long before committing. */
  CLAIMGRAPH_TEST_JOB_DELAY_MS: z.coerce.number().int().min(0).default(0),
  /** Test hook: the worker waits this long between writing a batch's articles and queueing their linking (a worker to kill between the stages). */
  CLAIMGRAPH_TEST_LINK_DELAY_MS: z.coerce.number().int().min(0).default(0),
});
export type IngestEnv = z.infer<typeof EnvModel>;

let parsed: IngestEnv | null = null;

/** Parses the environment once; on bad values prints one message listing all of them and exits 2. */
export function env(): IngestEnv {
  if (parsed) return parsed;
  const r = EnvModel.safeParse(process.env);
  if (!r.success) {
    const lines = r.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    process.stderr.write(`Invalid configuration:\n${lines.join('\n')}\n`);
    process.exit(2);
  }
  parsed = r.data;
  return parsed;
}
