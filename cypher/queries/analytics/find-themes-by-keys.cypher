// Themes by "scheme:code" keys (the keys are stored on clusters).
UNWIND $keys AS key
MATCH (t:Theme {scheme: split(key, ':')[0], code: substring(key, size(split(key, ':')[0]) + 1)})
RETURN key, t {.scheme, .code, .label} AS theme
