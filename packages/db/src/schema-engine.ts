// Prisma's own schema engine, compiled to wasm and driven through adapter-pg, so migrations can be
// written and checked without the native binary Prisma's CLI would download. Development tooling only.
import { readFile, readdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import pg from 'pg';
import { migrationsDir, schemaPath } from './paths.js';

const require = createRequire(import.meta.url);

// Pinned exact version: the package calls itself internal and may break without warning.
type Engine = {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};
type WasmBindings = {
  __wbg_set_wasm(exports: Record<string, unknown>): void;
  SchemaEngine: { new: (options: unknown, log: (msg: string) => void, adapter: unknown) => Promise<Engine> };
};

let bindings: Promise<WasmBindings> | undefined;

/** Node 20 cannot import the package's ESM wasm import, so instantiate the wasm ourselves. */
function loadBindings(): Promise<WasmBindings> {
  bindings ??= (async () => {
    const dir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
    const bg = (await import(path.join(dir, 'schema_engine_bg.js'))) as WasmBindings;
    const bytes = await readFile(path.join(dir, 'schema_engine_bg.wasm'));
    // The ES lib has no WebAssembly types; this is the only call we make.
    const { WebAssembly: wasm } = globalThis as unknown as {
      WebAssembly: {
        instantiate(b: Uint8Array, i: object): Promise<{ instance: { exports: Record<string, unknown> } }>;
      };
    };
    const { instance } = await wasm.instantiate(bytes, { './schema_engine_bg.js': bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return bg;
  })();
  return bindings;
}

// --- adapter-pg shim -------------------------------------------------------------------------------
// Introspection reads Postgres's internal "char" columns (OID 18), which adapter-pg cannot map.
// Present them to adapter-pg as text, then tell the engine they are characters.
const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;
const COLUMN_TYPE_CHARACTER = 6;

type Queryable = {
  executeScript?: (script: string) => Promise<void>;
  underlyingDriver?: () => pg.Pool;
  performIO(query: object): Promise<{ fields: { dataTypeID: number }[] }>;
  queryRaw(query: object): Promise<{ columnTypes: number[] }>;
  startTransaction?: (...args: unknown[]) => Promise<Queryable>;
};

function patchCharColumns<T>(target: T): T {
  const q = target as unknown as Queryable;
  const charColumns = new WeakMap<object, number[]>();
  const performIO = q.performIO.bind(q);
  const queryRaw = q.queryRaw.bind(q);
  q.performIO = async (query) => {
    const result = await performIO(query);
    const found: number[] = [];
    result.fields.forEach((field, i) => {
      if (field.dataTypeID === PG_CHAR_OID) {
        field.dataTypeID = PG_TEXT_OID;
        found.push(i);
      }
    });
    charColumns.set(query, found);
    return result;
  };
  q.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const i of charColumns.get(query) ?? []) result.columnTypes[i] = COLUMN_TYPE_CHARACTER;
    return result;
  };
  // adapter-pg splits scripts on ';', which breaks function bodies; send the script whole instead.
  if (q.executeScript && q.underlyingDriver) {
    const pool = q.underlyingDriver();
    q.executeScript = async (script) => {
      await pool.query(script);
    };
  }
  if (q.startTransaction) {
    const start = q.startTransaction.bind(q);
    q.startTransaction = async (...args) => patchCharColumns(await start(...args));
  }
  return target;
}

function adapterFor(url: string) {
  const factory = new PrismaPg({ connectionString: url });
  // The engine expects adapters that return errors as values.
  return bindMigrationAwareSqlAdapterFactory({
    provider: factory.provider,
    adapterName: factory.adapterName,
    connect: async () => patchCharColumns(await factory.connect()),
    // Ours, because adapter-pg's shadow database is never dropped when a pool is open on it.
    connectToShadowDb: async () => {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      const name = `claimgraph_shadow_${process.pid}_${Date.now()}`;
      await admin.query(`CREATE DATABASE "${name}"`);
      await admin.end();
      const shadowUrl = new URL(url);
      shadowUrl.pathname = `/${name}`;
      const shadow = new PrismaPg({ connectionString: shadowUrl.toString() }, { onPoolError: () => {} });
      const adapter = patchCharColumns(await shadow.connect());
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const drop = new pg.Client({ connectionString: url });
        drop.on('error', () => {});
        await drop.connect();
        await drop.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
        await drop.end();
      };
      return adapter;
    },
  });
}

// --- diff targets -----------------------------------------------------------------------------------

async function schemaFiles(file = schemaPath) {
  return [{ path: file, content: await readFile(file, 'utf8') }];
}

async function migrationsTarget(dir = migrationsDir) {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return {
    tag: 'migrations',
    baseDir: dir,
    lockfile: { path: 'migration_lock.toml', content: 'provider = "postgresql"\n' },
    shadowDbInitScript: '',
    migrationDirectories: await Promise.all(
      names.map(async (name) => ({
        path: name,
        migrationFile: {
          path: 'migration.sql',
          content: { tag: 'ok', value: await readFile(path.join(dir, name, 'migration.sql'), 'utf8') },
        },
      })),
    ),
  };
}

async function diff(
  url: string,
  from: unknown,
  to: unknown,
  schema = schemaPath,
): Promise<{ exitCode: number; sql: string }> {
  const { SchemaEngine } = await loadBindings();
  const files = await schemaFiles(schema);
  const engine = await SchemaEngine.new(
    { datamodels: files.map((f) => [f.path, f.content]) },
    () => {},
    adapterFor(url),
  );
  try {
    const result = await engine.diff({
      from,
      to,
      script: true,
      exitCode: true,
      filters: { externalTables: [], externalEnums: [] },
    });
    return { exitCode: result.exitCode, sql: result.stdout ?? '' };
  } finally {
    engine.free();
  }
}

/** SQL that takes a database migrated by `migrationsDir` to `schema.prisma` (empty when in sync). */
export async function pendingSchemaSql(url: string, { dir = migrationsDir, schema = schemaPath } = {}) {
  return diff(url, await migrationsTarget(dir), { tag: 'schemaDatamodel', files: await schemaFiles(schema) }, schema);
}

/** SQL that takes the live database at `url` to `schema.prisma` (empty when in sync). */
export async function liveDriftSql(url: string) {
  const files = await schemaFiles();
  // "schemaDatasource" is the database the adapter connects to.
  return diff(
    url,
    { tag: 'schemaDatasource', files, configDir: path.dirname(schemaPath) },
    { tag: 'schemaDatamodel', files },
  );
}

export const isEmptyDiff = (sql: string) => sql.replace(/--.*$/gm, '').trim() === '';
