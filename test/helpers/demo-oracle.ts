/**
 * Expected figures computed straight from the shipped demo CSV with csv-parse, independently of
 * the importer, so integration tests compare the API against the source rather than itself.
 */
import fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import { DEMO_FILE } from '../../src/features/imports/demo-data.ts';

export interface DemoRow {
  cycle: string;
  session: string;
  paragraph: string;
  text: string;
  recommending_states: string;
  position: string;
  themes: string;
  affected_persons: string;
  sdgs: string;
}

export const demoRows = (): DemoRow[] =>
  parse<DemoRow>(fs.readFileSync(DEMO_FILE), { columns: true, bom: true, skip_empty_lines: true });
