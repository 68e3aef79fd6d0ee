import './analytics.schema.ts';
