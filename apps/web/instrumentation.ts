// Runs once when the dashboard's server starts: a bad configuration (API_URL, PUBLIC_API_URL, ALLOWED_HOSTS)
// stops the start with its message, instead of failing every request later.
export async function register() {
  // eslint-disable-next-line no-restricted-properties -- Next inlines NEXT_RUNTIME at build time: the Edge build drops this branch
  if (process.env.NEXT_RUNTIME === 'nodejs') (await import('./src/start-check')).checkEnvAtStart();
}
