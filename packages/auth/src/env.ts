// The access layer's configuration: read once, validated, every bad value in one message.
// Apps may call readModeEnv() from their own env.ts, or pass the same variables to validateModeConfig.
import { validateModeConfig, type ModeConfig } from './mode.js';
import { ModeConfigError } from './errors.js';

type Source = Record<string, string | undefined>;

/** CLAIMGRAPH_MODE, API_HOST, SESSION_SECRET, PUBLIC_API_URL → ModeConfig, or a ModeConfigError listing every problem. */
export function readModeEnv(source: Source = process.env): ModeConfig {
  return validateModeConfig({
    mode: source.CLAIMGRAPH_MODE,
    host: source.API_HOST,
    sessionSecret: source.SESSION_SECRET,
    publicUrl: source.PUBLIC_API_URL,
  });
}

/** DATABASE_URL for the command-line tools (create-admin). */
export function readDatabaseUrl(source: Source = process.env): string {
  const url = source.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    throw new ModeConfigError([
      url
        ? 'DATABASE_URL must be a postgresql:// URL'
        : 'DATABASE_URL is required, e.g. postgresql://claimgraph:secret@127.0.0.1:5432/claimgraph',
    ]);
  }
  return url;
}
