// Whether the state is in the reference data (ISO 3166): follow-up is only kept for known states.
RETURN EXISTS { MATCH (:State {iso3: $state}) } AS known
