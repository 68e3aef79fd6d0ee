// Whether any follow-up action of the state is stored (its follow-up is "tracked": only then is
// a missing action a NO_ACTION signal).
RETURN EXISTS { (:FollowUpAction {state: $state}) } AS tracked
