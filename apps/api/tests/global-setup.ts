import { setupTestCluster } from '@claimgraph/db/testing';

export default async () => setupTestCluster();
