#!/usr/bin/env node
// First admin of a team deployment:
//   DATABASE_URL=… node packages/auth/dist/bin/create-admin.js --email ada@example.org --workspace newsroom [--name "Ada"] [--workspace-name "Newsroom"]
// The password is read from standard input (prompted without echo on a terminal; the first line otherwise).
import { parseArgs } from 'node:util';
import { createInterface } from 'node:readline';
import { createPrisma } from '@claimgraph/db';
import { createAdmin } from '../admin.js';
import { AuthError } from '../errors.js';
import { readDatabaseUrl } from '../env.js';

const USAGE =
  'usage: create-admin --email <address> --workspace <slug> [--name <your name>] [--workspace-name <display name>]\n' +
  '       the password is read from standard input (at least 10 characters)';

async function readPassword(): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) {
    const rl = createInterface({ input: stdin });
    for await (const line of rl) {
      rl.close();
      return line;
    }
    return '';
  }
  process.stderr.write('Password (not shown): ');
  stdin.setRawMode(true);
  stdin.resume();
  stdin.setEncoding('utf8');
  let value = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: string) => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') {
          stdin.setRawMode(false);
          stdin.pause();
          stdin.off('data', onData);
          process.stderr.write('\n');
          resolve(value);
          return;
        }
        if (ch === '\u0003') {
          stdin.setRawMode(false);
          reject(new Error('cancelled'));
          return;
        }
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs({
      options: {
        email: { type: 'string' },
        workspace: { type: 'string' },
        name: { type: 'string' },
        'workspace-name': { type: 'string' },
      },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!args.email || !args.workspace) {
    console.error(USAGE);
    return 2;
  }
  const url = readDatabaseUrl();
  const password = await readPassword();
  const db = createPrisma(url, { max: 2 });
  try {
    const result = await createAdmin(db, {
      email: args.email,
      password,
      workspaceSlug: args.workspace,
      ...(args.name ? { name: args.name } : {}),
      ...(args['workspace-name'] ? { workspaceName: args['workspace-name'] } : {}),
    });
    console.log(
      `${result.createdUser ? 'created' : 'updated'} ${result.email} as ADMIN of workspace "${result.workspaceSlug}" (id ${result.workspaceId}); sign in at the dashboard`,
    );
    return 0;
  } finally {
    await db.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof AuthError ? error.message : error);
    process.exit(1);
  },
);
