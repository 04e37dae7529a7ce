"""`xf import`: `readers` opens the file (CSV, XLSX, JSON), `rows` turns each row into a
new case or the reasons it is bad, `writer` writes them all in one transaction."""
