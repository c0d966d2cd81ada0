import { setupTestCluster } from '../src/testing.js';

export default async function setup() {
  return setupTestCluster();
}
