MATCH (t:Theme)
WHERE $scheme IS NULL OR t.scheme = $scheme
RETURN t {.scheme, .code, .label} AS theme
ORDER BY t.scheme, t.code
