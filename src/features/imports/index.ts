export { ensureDemoData, loadDemoData, DEMO_DATASET } from './demo-data.ts';
export { parseOhchrThematicList } from './ohchr-thematic-list.ts';
export type { RecommendationRecord } from './recommendation-record.ts';
export { upsertRecommendations } from './import.repository.ts';
