// What a decision file can name: every state with its names, and every mechanism's code.
CALL () {
  MATCH (s:State)
  RETURN collect(s {.iso3, .name, .names}) AS states
}
CALL () {
  MATCH (m:Mechanism)
  RETURN collect(m.code) AS mechanisms
}
RETURN states, mechanisms
