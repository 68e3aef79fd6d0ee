// Follow-up: committees' actions, the agencies responsible, progress updates, indicators and
// their measurements, assessments of recommendations, and the audit trail of every change.
CREATE CONSTRAINT follow_up_action_id IF NOT EXISTS FOR (a:FollowUpAction) REQUIRE a.id IS UNIQUE;
CREATE INDEX follow_up_action_state IF NOT EXISTS FOR (a:FollowUpAction) ON (a.state, a.status);
CREATE INDEX follow_up_action_due IF NOT EXISTS FOR (a:FollowUpAction) ON (a.dueDate);
CREATE CONSTRAINT agency_id IF NOT EXISTS FOR (g:Agency) REQUIRE g.id IS UNIQUE;
CREATE CONSTRAINT agency_state_name IF NOT EXISTS FOR (g:Agency) REQUIRE (g.state, g.nameKey) IS UNIQUE;
CREATE CONSTRAINT progress_update_id IF NOT EXISTS FOR (p:ProgressUpdate) REQUIRE p.id IS UNIQUE;
CREATE CONSTRAINT indicator_id IF NOT EXISTS FOR (i:Indicator) REQUIRE i.id IS UNIQUE;
CREATE CONSTRAINT measurement_id IF NOT EXISTS FOR (m:Measurement) REQUIRE m.id IS UNIQUE;
CREATE CONSTRAINT assessment_id IF NOT EXISTS FOR (s:Assessment) REQUIRE s.id IS UNIQUE;
CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (e:AuditEvent) REQUIRE e.id IS UNIQUE;
CREATE INDEX audit_event_entity IF NOT EXISTS FOR (e:AuditEvent) ON (e.entityId);
CREATE INDEX audit_event_parent IF NOT EXISTS FOR (e:AuditEvent) ON (e.parentId);
