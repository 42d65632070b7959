#!/usr/bin/env bash
# Measures sending an update to a large list, on a Release build with SQLite on 127.0.0.1, against an SMTP sink on
# loopback (tools/SmtpSink: accepts everything and counts it):
#   1. the expansion of a send to N confirmed subscribers (100,000 by default): how long it takes, and how much the
#      site's memory (RSS) grows while it runs;
#   2. the sending rate with no pace (Sending:PerSecond=0), in messages/s, as the sink counts them;
#   3. the public pages' latency with wrk while the send runs;
# then waits for the send to finish and checks that the sink got each message once. Each figure is printed beside
# its target (issue 15). Not a test: the figures depend on the machine, and nothing here fails on a missed target.
#
# How the send is started: the list and the send are written into the site's database with sqlite3, as the site
# itself would store them (UpdateSends.StartAsync: an update, the send with its words, and its expand-send job due
# now), while the site runs; its job runner finds the job on its next poll (Jobs:PollInterval, 0.2 s here) and does
# the rest as it would for an editor's send. Driving the admin's forms from a shell would measure the script, and a
# command-line verb only for benchmarks has no place in the product.
#
# --no-wait stops after the figures instead of waiting for the whole send and checking it.
#
#   scripts/sendbench.sh [--subscribers 100000] [--duration 10s] [--connections 64] [--threads 2] [--no-wait]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/runtime-env.sh

subscribers=100000 duration=10s connections=64 threads=2 wait_all=yes
while [ $# -gt 0 ]; do
  case "$1" in
    --subscribers) subscribers=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    --no-wait) wait_all=no; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
for tool in wrk sqlite3 curl; do
  command -v "$tool" >/dev/null || { echo "$tool is missing: install Debian's $tool package" >&2; exit 1; }
done

work=$(mktemp -d)
site_pid="" sink_pid=""
cleanup() {
  for pid in $site_pid $sink_pid; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

echo "Publishing Release builds..."
dotnet publish src/Khilafat.Web/Khilafat.Web.csproj -c Release -o "$work/site" --nologo -v quiet >/dev/null
dotnet publish tools/SmtpSink/SmtpSink.csproj -c Release -o "$work/sink" --nologo -v quiet >/dev/null

site_port=5501 sink_port=5525
db="$work/data/khilafat.db"
sql() { sqlite3 -cmd ".timeout 30000" "$db" "$@"; }
now() { date +%s.%N; }
rss_mb() { awk '/VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$site_pid/status"; }
# CPU seconds the site has used (user + system): on a shared machine a steadier figure than the wall clock.
cpu_s() { awk -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / hz }' "/proc/$site_pid/stat"; }
# The sink's last line: "<seconds> <received> <distinct Message-IDs>".
sink_line() { tail -n 1 "$work/sink.log"; }
# One figure, beside its target, printed as soon as it is measured.
figure() { printf "%-50s %-30s %s\n" "$1" "$2" "$3"; }

(exec dotnet "$work/sink/SmtpSink.dll" --port "$sink_port") > "$work/sink.log" 2>&1 &
sink_pid=$!

mkdir -p "$work/data"
echo "Starting the site on 127.0.0.1:$site_port with a fresh SQLite database, mail to the sink on port $sink_port..."
(cd "$work/site" && exec env "${runtime_env[@]}" ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
  "ConnectionStrings__Default=Data Source=$db" "Site__PublicUrl=http://127.0.0.1:$site_port" \
  Email__Smtp__Host=127.0.0.1 Email__Smtp__Port="$sink_port" Email__Smtp__UseStartTls=false \
  Sending__PerSecond=0 Jobs__PollInterval=00:00:00.200 \
  dotnet Khilafat.Web.dll --urls "http://127.0.0.1:$site_port") > "$work/site.log" 2>&1 &
site_pid=$!
for _ in $(seq 1 150); do curl -fsS -o /dev/null "http://127.0.0.1:$site_port/healthz" 2>/dev/null && break; sleep 0.2; done
curl -fsS -o /dev/null "http://127.0.0.1:$site_port/healthz" || { echo "the site did not start:" >&2; cat "$work/site.log" >&2; exit 1; }

echo "Adding $subscribers confirmed subscribers..."
started=$(now)
sql <<SQL
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $subscribers)
INSERT INTO Subscribers (Email, Language, Status, CreatedAt, ConfirmedAt, ConfirmationsOnDay, BounceCount,
    Consent_Version, Consent_Text, Consent_GivenAt, Consent_Source)
SELECT 'reader-' || i || '@example.org', CASE i % 3 WHEN 0 THEN 'ar' WHEN 1 THEN 'en' ELSE 'ur' END, 1,
    strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'), 0, 0,
    'bench', 'Send me the movement''s updates by email.', strftime('%Y-%m-%d %H:%M:%f', 'now'), 'bench'
FROM n;
SQL
printf "  (%.1f s)\n" "$(echo "$(now) - $started" | bc)"

echo "Warming up the public pages..."
for path in / /statement /faq; do wrk -t1 -c8 -d3s "http://127.0.0.1:$site_port$path" >/dev/null; done
sleep 1
rss_before=$(rss_mb)

echo "Starting the send (an update in English and Arabic; Urdu readers get the English)..."
printf "\nsendbench: %s subscribers, SQLite, Release build, %s cores (load average %s), Sending:PerSecond=0\n" \
  "$subscribers" "$(nproc)" "$(cut -d' ' -f1-3 /proc/loadavg)"
figure "figure" "measured" "target"
expansion_started=$(now) expansion_cpu=$(cpu_s)
sql <<'SQL'
BEGIN IMMEDIATE;
INSERT INTO Updates (Slug, ShowOnSite, CreatedAt, UpdatedAt)
VALUES ('bench-relief-convoy', 0, strftime('%Y-%m-%d %H:%M:%f', 'now'), strftime('%Y-%m-%d %H:%M:%f', 'now'));
INSERT INTO UpdateSends (UpdateId, Status, MissingTranslation, ExpandedThrough, Expanded, Queued, Sent, Failed, Skipped, CreatedAt, CreatedBy)
VALUES (last_insert_rowid(), 0, 0, 0, 0, 0, 0, 0, 0, strftime('%Y-%m-%d %H:%M:%f', 'now'), 'sendbench');
INSERT INTO SendTexts (SendId, Culture, Subject, Body) VALUES
  ((SELECT MAX(Id) FROM UpdateSends), 'en', 'The relief convoy reached the border',
   'The convoy of **flour, medicine and blankets** reached the border this morning. Thank you to everyone who gave.'),
  ((SELECT MAX(Id) FROM UpdateSends), 'ar', 'وصلت قافلة الإغاثة إلى الحدود',
   'وصلت قافلة **الطحين والدواء والبطانيات** إلى الحدود صباح اليوم. شكرًا لكل من تبرّع.');
INSERT INTO Jobs (Kind, Key, DueAt, Status, Attempts, CreatedAt)
VALUES ('expand-send', (SELECT MAX(Id) FROM UpdateSends), strftime('%Y-%m-%d %H:%M:%f', 'now'), 0, 0, strftime('%Y-%m-%d %H:%M:%f', 'now'));
COMMIT;
SQL
send_id=$(sql "SELECT MAX(Id) FROM UpdateSends;")

# Expansion: from the job's insertion (so it includes up to one poll of the job runner) until the send says it is
# expanded; the site's RSS sampled meanwhile.
rss_peak=$rss_before
while :; do
  rss=$(rss_mb)
  rss_peak=$(echo "if ($rss > $rss_peak) $rss else $rss_peak" | bc)
  [ "$(sql "SELECT Expanded FROM UpdateSends WHERE Id = $send_id;")" = 1 ] && break
  if [ "$(echo "$(now) - $expansion_started > 600" | bc)" = 1 ]; then echo "the expansion did not finish in 10 minutes" >&2; exit 1; fi
  sleep 0.1
done
expansion_s=$(echo "$(now) - $expansion_started" | bc)
expansion_cpu=$(echo "$(cpu_s) - $expansion_cpu" | bc)
queued=$(sql "SELECT COUNT(*) FROM OutboxMessages WHERE SendId = $send_id;")
rss_growth=$(echo "$rss_peak - $rss_before" | bc)
figure "expansion ($queued messages queued)" "$(printf "%.1f s (site CPU %.1f s, with sending)" "$expansion_s" "$expansion_cpu")" "< 10 s"
figure "site RSS growth during the expansion" "$(printf "%.1f MB (%.0f -> %.0f MB)" "$rss_growth" "$rss_before" "$rss_peak")" "< 50 MB"

# The sending rate, with nothing else asked of the site: two of the sink's per-second lines 10 s apart.
sleep 2
read -r t0 n0 _ <<< "$(sink_line)"; c0=$(cpu_s)
sleep 10
read -r t1 n1 _ <<< "$(sink_line)"; c1=$(cpu_s)
rate=$(echo "scale=0; ($n1 - $n0) / ($t1 - $t0)" | bc)
figure "sending rate, 10 s after the expansion" "$rate messages/s" ">= 500 messages/s"
# What a message costs the site in CPU, and so the rate the sender (one loop, one message at a time, so about one
# core) would reach if the machine were not shared.
per_message_ms=$(echo "scale=3; ($c1 - $c0) * 1000 / ($n1 - $n0)" | bc)
figure "  site CPU per message" "$per_message_ms ms (one core: ~$(echo "1000 / $per_message_ms" | bc)/s)" ""

# The public pages while the send goes on.
for path in / /statement /faq; do
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "http://127.0.0.1:$site_port$path" > "$work/wrk.txt"
  if grep -q "Non-2xx" "$work/wrk.txt"; then echo "non-2xx answers from $path:" >&2; cat "$work/wrk.txt" >&2; exit 1; fi
  figure "public $path during the send (wrk -c$connections)" \
    "$(awk '/Requests\/sec/ { rps = $2 } /^ +99%/ { p99 = $2 } END { printf "%s req/s, p99 %s", rps, p99 }' "$work/wrk.txt")" "p99 < 20 ms"
done
left=$(sql "SELECT COUNT(*) FROM OutboxMessages WHERE SendId = $send_id AND Status = 0;")
[ "$left" -gt 0 ] || echo "(the send had finished before wrk did: its latencies are partly without a send)"

[ "$wait_all" = yes ] || exit 0
echo "Waiting for the send to finish ($left messages left)..."
while [ "$(sql "SELECT Status FROM UpdateSends WHERE Id = $send_id;")" != 3 ]; do
  if ! kill -0 "$site_pid" 2>/dev/null; then echo "the site stopped:" >&2; tail -20 "$work/site.log" >&2; exit 1; fi
  sleep 1
done
sleep 1.5
read -r _ received distinct <<< "$(sink_line)"
read -r sent overall_s <<< "$(sql -separator ' ' "SELECT COUNT(*), (julianday(MAX(SentAt)) - julianday(MIN(SentAt))) * 86400 FROM OutboxMessages WHERE SendId = $send_id AND Status = 1;")"

figure "sending rate, whole send (wrk during part of it)" "$(printf "%.0f messages/s" "$(echo "$sent / $overall_s" | bc -l)")" ">= 500 messages/s"
figure "delivered to the sink / distinct Message-IDs" "$received / $distinct" "$subscribers / $subscribers"
if [ "$received" != "$subscribers" ] || [ "$distinct" != "$subscribers" ] || [ "$sent" != "$subscribers" ]; then
  echo "not exactly once: $sent marked sent, $received received, $distinct distinct" >&2; exit 1
fi
if grep -q -E "fail:|crit:" "$work/site.log"; then echo "the site logged errors:" >&2; grep -A3 -E "fail:|crit:" "$work/site.log" | head -20 >&2; exit 1; fi
