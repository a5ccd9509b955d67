"""The hand-kept TSV files under scripts/data, read alike by every generator."""
import csv
import sys


def read_tsv(path):
    """Rows of a TSV file with a header row as dicts, values stripped; `#`
    lines and blank lines skipped. A row shorter than the header stops the
    script: a missing tab would shift every later column."""
    with open(path, encoding="utf-8") as f:
        rows = [line for line in f if not line.startswith("#") and line.strip()]
    out = list(csv.DictReader(rows, delimiter="\t", quoting=csv.QUOTE_NONE))
    for row in out:
        for key, value in row.items():
            if value is None:
                sys.exit(f"{path}: short row {row}")
            row[key] = value.strip()
    return out
