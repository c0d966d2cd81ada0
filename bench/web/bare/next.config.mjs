// The phone floor (bench/web/run.ts --floor): a bare Next.js page, the dashboard's Next and React versions, built and
// served as the dashboard is (`next build`, `next start`), so Lighthouse's TBT of the framework alone can be read.
export default { reactStrictMode: true, poweredByHeader: false };
