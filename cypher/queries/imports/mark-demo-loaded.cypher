// Marks the demo datasets as loaded completely (find-demo-state).
MERGE (marker:__DemoData {id: 'demo'})
SET marker.loadedAt = datetime()
