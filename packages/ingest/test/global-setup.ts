import { setupTestCluster } from '@claimgraph/db/testing';

export default async function setup() {
  return setupTestCluster();
}
