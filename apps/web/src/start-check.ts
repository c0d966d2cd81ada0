import { env } from './env';

/** At server start (instrumentation.ts): print the configuration's problems and exit instead of serving. */
export function checkEnvAtStart(): void {
  try {
    env();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
