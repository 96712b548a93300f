#!/usr/bin/env bash
# Lighthouse (npm lighthouse 12.2.3 with Debian's chromium) on the main pages of a running site with the demo data
# (scripts/run.sh), on a phone and on a desktop: prints performance, accessibility, best practices and SEO per page,
# each the median of RUNS runs (default 5).
# The booking page is read signed in as the demo resident. Reports are kept in .data/lighthouse/.
# Usage: scripts/lighthouse.sh [BASE_URL]   (default http://127.0.0.1:5000)
#        ONLY="booking resource" scripts/lighthouse.sh   (only the pages named)
#        FORMS=mobile scripts/lighthouse.sh              (only the phone)
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
# shellcheck source=scripts/lib.sh
. scripts/lib.sh

BASE=${1:-http://127.0.0.1:5000}
BASE=${BASE%/}
require_package /usr/bin/chromium chromium
require_package npm npm
# The first page a browser opens is drawn in the system's Korean font (src/SharingPlatform.Web/Pages/SiteFont.cs), as
# every phone has one: without one here Hangul would be drawn as empty boxes and the first visit measured wrongly.
korean_font=/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc
[ -e "$korean_font" ] || require_package "$korean_font" fonts-noto-cjk
TOOLS=.data/tools/lighthouse
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ]; then
  mkdir -p "$TOOLS"
  npm install --prefix "$TOOLS" --no-audit --no-fund --loglevel=error lighthouse@12.2.3
fi
OUT=.data/lighthouse
mkdir -p "$OUT"

first_id() {
  curl -fsS "$BASE$1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["id"])'
}
resource=$(first_id "/api/v1/resources?pageSize=1&q=%ED%9A%8C%EC%9D%98%EC%8B%A4")
lab=$(first_id "/api/v1/labs?pageSize=1")
circle=$(first_id "/api/v1/circles?pageSize=1")
start=$(curl -fsS "$BASE/api/v1/resources/$resource/availability?from=$(date -u -d '+1 day' +%Y-%m-%dT00:00:00Z)&to=$(date -u -d '+8 days' +%Y-%m-%dT00:00:00Z)" |
  python3 -c 'import json,sys; print(next(s["startsAt"] for s in json.load(sys.stdin)["slots"] if s["state"] == "free"))')

# The demo resident's sign-in cookie, for the booking page.
jar=$(mktemp)
trap 'rm -f "$jar"' EXIT
token=$(curl -fsS -c "$jar" "$BASE/Account/Login" | sed -n 's/.*name="__RequestVerificationToken" type="hidden" value="\([^"]*\)".*/\1/p' | head -n 1)
curl -fsS -b "$jar" -c "$jar" -o /dev/null "$BASE/Account/Login" \
  --data-urlencode "Input.Email=minji@demo.sharing.example" --data-urlencode "Input.Password=demo-password-2026" \
  --data-urlencode "__RequestVerificationToken=$token"
cookie=$(awk '!/^#/ || /^#HttpOnly_/ { sub(/^#HttpOnly_/, ""); if (NF >= 7) printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$jar")
headers=$(python3 -c 'import json,sys; print(json.dumps({"Cookie": sys.argv[1]}))' "$cookie")

pages=(
  "home|/"
  "search|/Resources?q=%ED%9A%8C%EC%9D%98%EC%8B%A4"
  "resource|/Resources/Details/$resource"
  "lab|/Labs/Details/$lab"
  "circle|/Circles/Details/$circle"
  "booking|/Bookings/New?resourceId=$resource&start=$(python3 -c 'import sys,urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$start")"
)

# A phone's performance score moves by several points from run to run on a small machine, so each page and width is
# measured RUNS times and the median is printed, with the lowest and highest performance score beside it, as
# Lighthouse's own guide to variability advises; it names five runs, and on a 2-core machine the median of three still
# moved by up to nine points from one run of this script to the next.
RUNS=${RUNS:-5}
printf '%-9s %-7s %5s %5s %5s %5s  %s\n' page form perf a11y best seo "perf over $RUNS runs"
for entry in "${pages[@]}"; do
  name=${entry%%|*}
  path=${entry#*|}
  [ -n "${ONLY:-}" ] && [[ " $ONLY " != *" $name "* ]] && continue
  for form in ${FORMS:-mobile desktop}; do
    preset=()
    [ "$form" = desktop ] && preset=(--preset=desktop)
    extra=()
    [ "$name" = booking ] && extra=(--extra-headers="$headers")
    for run in $(seq 1 "$RUNS"); do
      # Lighthouse now and then loses the trace of a load (NO_NAVSTART) and asks to be run again: once more, then give up.
      for attempt in 1 2; do
        CHROME_PATH=/usr/bin/chromium "$TOOLS/node_modules/.bin/lighthouse" "$BASE$path" "${preset[@]}" "${extra[@]}" \
          --quiet --output=json --output-path="$OUT/$name-$form-$run.json" \
          --only-categories=performance,accessibility,best-practices,seo \
          --chrome-flags="--headless=new --no-sandbox --disable-gpu" >/dev/null && break
        [ "$attempt" = 2 ] && exit 1
      done
    done
    python3 - "$OUT" "$name" "$form" "$RUNS" <<'PY'
import json, statistics, sys
out, name, form, runs = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
reports = [json.load(open(f"{out}/{name}-{form}-{run}.json"))["categories"] for run in range(1, runs + 1)]
keys = ("performance", "accessibility", "best-practices", "seo")
scores = {k: [round(r[k]["score"] * 100) for r in reports] for k in keys}
median = " ".join(f"{round(statistics.median(scores[k])):5d}" for k in keys)
print(f"{name:<9} {form:<7} {median}  {min(scores['performance'])}-{max(scores['performance'])}")
PY
  done
done
