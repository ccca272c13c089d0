#!/usr/bin/env python3
"""Writes data/exchange-rates.csv: for each currency and full calendar year, the average number of
units of the currency per US dollar, from the European Central Bank's euro foreign exchange
reference rates (eurofxref-hist.csv, one row per working day, units per euro).

Each day's cross rate is (units per euro) / (US dollars per euro); a year's rate is the mean of
its days' cross rates. A year is written only when it is over in the file (the file's last day is
in a later year) and the file has at least 200 days of it, so no partial year (the first year of
a currency in the ECB table, the year the file was taken in) enters.

Usage: scripts/rates/build.py eurofxref-hist.csv|eurofxref-hist.zip > data/exchange-rates.csv
Where to get the file and under which terms: data/exchange-rates.md."""
import csv, io, sys, zipfile, collections

# The currencies of the bundled budgets and of the region's usual donors that the ECB publishes.
CURRENCIES = ["AUD", "BRL", "CAD", "CHF", "CNY", "DKK", "EUR", "GBP", "JPY", "KRW", "MXN", "NOK", "SEK"]
MIN_DAYS = 200

def rows(path):
    if path.endswith(".zip"):
        with zipfile.ZipFile(path) as z:
            text = z.read("eurofxref-hist.csv").decode()
    else:
        text = open(path, encoding="utf-8").read()
    return csv.DictReader(io.StringIO(text))

def main(path):
    sums = collections.defaultdict(lambda: [0.0, 0])
    last_year = 0
    for r in rows(path):
        last_year = max(last_year, int(r["Date"][:4]))
        usd = r.get("USD", "")
        if usd in ("", "N/A"):
            continue
        usd = float(usd)
        year = int(r["Date"][:4])
        for c in CURRENCIES:
            v = 1.0 if c == "EUR" else r.get(c, "")
            if v in ("", "N/A", None):
                continue
            s = sums[(c, year)]
            s[0] += float(v) / usd
            s[1] += 1
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["currency", "year", "per_usd", "days"])
    for (c, year), (total, days) in sorted(sums.items()):
        if days >= MIN_DAYS and year < last_year:
            out.writerow([c, year, f"{total / days:.6g}", days])

if __name__ == "__main__":
    main(sys.argv[1])
