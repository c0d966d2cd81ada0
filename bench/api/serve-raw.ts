// Child process of the benchmark: node:http + pg answering every POST with the single hand-written statement.
import http from 'node:http';
import pg from 'pg';
import { RAW_PAGE_SQL } from './raw-sql.js';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
const params = JSON.parse(process.env.RAW_PARAMS!) as unknown[];
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    pool.query({ name: 'page', text: RAW_PAGE_SQL, values: params }).then(
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
server.listen(Number(process.env.RAW_PORT), '127.0.0.1', () => process.send?.({ url: `http://127.0.0.1:${process.env.RAW_PORT}/` }));
process.on('SIGTERM', () => server.close(() => void pool.end().then(() => process.exit(0))));
