#!/usr/bin/env bash
# The Spark job in local mode against the single-machine CLI, same input, same machine, one after the other:
# wall time, articles/s, time per stage, peak RSS, and whether both gave the same stories and reports.
#
#   spark/bench.sh [INPUT] [MASTER] [EXECUTOR_HEAP]
#   defaults: ../shared/data/allsides-articles.jsonl.gz  local[2]  4g
#   KEEP=1 keeps the stores and outputs (the path is printed).
#
# Spark runs from the job jar plus Spark's own jars from Maven (what a Spark distribution puts on the classpath),
# without spark-submit, so the script adds the JDK opens spark-submit would add.
set -euo pipefail
cd "$(dirname "$0")/.."
input=${1:-../shared/data/allsides-articles.jsonl.gz}
master=${2:-local[2]}
heap=${3:-4g}
work=$(mktemp -d -t parallax-spark-bench-XXXXXX)
if [ -z "${KEEP:-}" ]; then trap 'rm -rf "$work"' EXIT; else echo "outputs kept in $work" >&2; fi

./mvnw -B -q -DskipTests -pl spark,cli -am install
./mvnw -B -q -pl spark dependency:build-classpath -Dmdep.includeScope=provided -Dmdep.outputFile="$work/spark.cp"
# Spark's Jackson: ours is relocated inside the job jar, Spark brings its own.
./mvnw -B -q -pl spark dependency:build-classpath -Dmdep.includeScope=compile \
  -Dmdep.includeGroupIds=com.fasterxml.jackson.core -Dmdep.outputFile="$work/jackson.cp"
opens=$(./mvnw -B -q -pl spark help:evaluate -Dexpression=spark.opens -DforceStdout)

rss() { sed -n 's/.*Maximum resident set size (kbytes): \([0-9]*\).*/\1/p' "$1" | awk '{printf "%.2f GB", $1/1048576}'; }
wall() { sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): \(.*\)/\1/p' "$1"; }

echo "== single machine: parallax ingest, then export --reports" >&2
/usr/bin/time -v -o "$work/ingest.time" java -Xmx2g -jar cli/target/parallax.jar ingest "$input" \
  --store "$work/single-store" 2> "$work/ingest.err"
tail -2 "$work/ingest.err" >&2
/usr/bin/time -v -o "$work/export.time" java -Xmx2g -jar cli/target/parallax.jar export \
  --reports "$work/single-reports.jsonl" --store "$work/single-store" 2> "$work/export.err"
tail -1 "$work/export.err" >&2
java -jar cli/target/parallax.jar export --stories "$work/single-stories.jsonl" --store "$work/single-store" \
  2> /dev/null

echo "== Spark $master" >&2
/usr/bin/time -v -o "$work/spark.time" java -Xmx"$heap" $opens -Dspark.master="$master" \
  -Dspark.ui.enabled=false -Dspark.driver.host=127.0.0.1 \
  -Dlog4j2.configurationFile=spark/src/test/resources/log4j2-test.properties \
  -cp "spark/target/parallax-spark.jar:$(cat "$work/spark.cp"):$(cat "$work/jackson.cp")" \
  org.parallax.spark.SparkCorpusJob --out "$work/spark-out" --store "$work/spark-store" "$input" \
  2> "$work/spark.err"
grep '^parallax:' "$work/spark.err" >&2

echo "== results" >&2
echo "single ingest:  $(wall "$work/ingest.time"), peak RSS $(rss "$work/ingest.time")"
echo "single export --reports: $(wall "$work/export.time"), peak RSS $(rss "$work/export.time")"
echo "spark $master: $(wall "$work/spark.time"), peak RSS $(rss "$work/spark.time")"
grep '^parallax:' "$work/spark.err"
# Same answer: story membership and every report, byte for byte once sorted.
python3 - "$work" <<'EOF'
import json, sys, glob, os
w = sys.argv[1]
def stories(paths):
    out = {}
    for p in paths:
        for line in open(p, encoding="utf-8"):
            if line.strip():
                r = json.loads(line)
                out[r["id"]] = r["articles"]
    return out
single = stories([os.path.join(w, "single-stories.jsonl")])
spark = stories(sorted(glob.glob(os.path.join(w, "spark-out/stories-jsonl/part-*"))))
def reports(paths):
    return {json.loads(l)["story"]: l.strip() for p in paths for l in open(p, encoding="utf-8") if l.strip()}
rs = reports([os.path.join(w, "single-reports.jsonl")])
rk = reports(sorted(glob.glob(os.path.join(w, "spark-out/reports-jsonl/part-*"))))
differ = sorted(k for k in rs.keys() | rk.keys() if rs.get(k) != rk.get(k))
print(f"stories: single {len(single)}, spark {len(spark)}, identical membership: {single == spark}")
print(f"reports: single {len(rs)}, spark {len(rk)}, identical: {not differ}" + (f" ({len(differ)} differ, e.g. {differ[:5]})" if differ else ""))
EOF
