import type { NextConfig } from 'next';

// Nothing about the API is baked in at build time: the server reads API_URL and the layout hands
// PUBLIC_API_URL to the browser on every request (see src/env.ts).
const config: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // The app alone: e2e tests (which import the API and database packages) are checked by `npm run typecheck`.
  typescript: { tsconfigPath: 'tsconfig.app.json' },
  // The workspace packages are TypeScript source; let Next compile what the web imports from them.
  transpilePackages: ['@claimgraph/shared'],
};

export default config;
