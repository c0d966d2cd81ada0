// Configuration of `npm start`, validated once: every bad value is reported in one message.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function port(env, name, fallback, problems) {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 65535) {
    problems.push(`${name}=${raw} is not a TCP port (an integer from 1 to 65535)`);
    return fallback;
  }
  return n;
}

/** Reads and checks the environment; exits with one message listing every problem. */
export function readConfig(env) {
  const problems = [];
  const apiPort = port(env, 'API_PORT', 4000, problems);
  const webPort = port(env, 'WEB_PORT', 3000, problems);
  const dbPort = port(env, 'DB_PORT', undefined, problems);
  if (apiPort === webPort) problems.push(`API_PORT and WEB_PORT are both ${apiPort}; give them different ports`);

  const databaseUrl = env.DATABASE_URL || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    problems.push('DATABASE_URL must be a postgresql:// URL (leave it unset to use the embedded database)');
  }
  const mode = env.CLAIMGRAPH_MODE || 'local';
  if (mode !== 'local' && mode !== 'team') problems.push(`CLAIMGRAPH_MODE=${mode} must be "local" or "team"`);

  const host = env.HOST || '127.0.0.1';
  const dataDir = path.resolve(root, env.CLAIMGRAPH_DATA_DIR || '.data/pg');

  if (problems.length) {
    console.error(`[claimgraph] configuration problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    process.exit(2);
  }
  const apiUrl = `http://${host}:${apiPort}/graphql`;
  return {
    apiPort,
    webPort,
    dbPort,
    databaseUrl,
    mode,
    host,
    dataDir,
    dataDirChosen: Boolean(env.CLAIMGRAPH_DATA_DIR),
    apiUrl,
    publicApiUrl: env.PUBLIC_API_URL || apiUrl,
    webUrl: `http://${host}:${webPort}`,
  };
}
