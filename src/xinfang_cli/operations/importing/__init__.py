"""`xf import`: `readers` opens the file (CSV, XLSX, JSON), `rows` maps the headers and
parses each row into a new case (or the reasons it is bad), and `writer` runs the whole
import: every row parsed and checked by the rules of `xf add`, then, if none is bad,
all written in bulk in one transaction."""
