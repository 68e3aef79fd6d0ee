// Every state some recommendation is addressed to (a full detection run compares them all).
MATCH (r:Recommendation)
RETURN DISTINCT r.state AS state
