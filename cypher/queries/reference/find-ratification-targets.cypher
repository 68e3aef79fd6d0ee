// What a ratification file can name (importRatifications): every state with its codes and names,
// and every instrument with the code ratification tables use (`sourceCode`).
CALL () {
  MATCH (s:State)
  RETURN collect(s {.iso3, .iso2, .name, .names}) AS states
}
CALL () {
  MATCH (i:Instrument)
  RETURN collect(i {.code, .sourceCode, .name}) AS instruments
}
RETURN states, instruments
