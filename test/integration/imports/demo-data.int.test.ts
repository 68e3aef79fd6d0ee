/** The demo-data loader: it never loads into a graph that has data (the suite's has the demo). */
import { describe, expect, it } from 'vitest';
import { ensureDemoData } from '../../../src/features/imports/index.ts';
import { testLogger, useTestApp } from '../../helpers/create-test-app.ts';

const t = useTestApp();

describe('the demo dataset', () => {
  it('is loaded only into an empty graph', async () => {
    const result = await ensureDemoData(t, testLogger());
    expect(result.loaded).toBe(false);
    expect(result.recommendations).toBeGreaterThanOrEqual(632);
  });
});
