// Overlap detection finds the recommendations it has not compared yet (overlapDetector '' or an
// older detector version) by this index instead of scanning every recommendation.
CREATE RANGE INDEX recommendation_overlap_detector IF NOT EXISTS FOR (r:Recommendation) ON (r.overlapDetector);
