// Child process of the benchmark: node:http + pg answering each case with its single hand-written statement
// (POST /<case index>; a named prepared statement, the workspace id as $1).
import http from 'node:http';
import pg from 'pg';

// Custom plans, as the API's direct pool: both sides plan every request alike.
const pool = new pg.Pool({
  connectionString: process.env.DATABASE_URL,
  max: 10,
  options: '-c plan_cache_mode=force_custom_plan',
});
const workspaceId = Number(process.env.RAW_WORKSPACE);
const cases = JSON.parse(process.env.RAW_CASES!) as { sql: string; params: unknown[] }[];
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const i = Number(req.url?.slice(1));
    const c = cases[i];
    if (!c) {
      res.statusCode = 404;
      res.end();
      return;
    }
    pool.query({ name: `case${i}`, text: c.sql, values: [workspaceId, ...c.params] }).then(
      (r) => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify(r.rows[0].body));
      },
      (err: Error) => {
        res.statusCode = 500;
        res.end(err.message);
      },
    );
  });
});
server.listen(Number(process.env.RAW_PORT), '127.0.0.1', () =>
  process.send?.({ url: `http://127.0.0.1:${process.env.RAW_PORT}/` }),
);
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
