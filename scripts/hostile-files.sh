#!/usr/bin/env sh
# Writes the two inputs of issue 14 into DIR (default ./hostile): an 8.4 MB plain-text file that is a single line
# (a news paragraph repeated 60,000 times, no newline) and a 2.2 MB HTML page whose article sits 200,000 <div>s
# deep. Generated, not committed: BENCHMARKS.md, "Bounded work (issue 14)", measures `analyze` on them.
set -e
dir=${1:-hostile}
mkdir -p "$dir"
p='Dockworkers walked out on Monday. "We will not back down," union leader Maria Costa told reporters outside the gate, as 1,200 workers joined. '
yes "$p" | head -n 60000 | tr -d '\n' > "$dir/oneline.txt"
{
  printf '<html><head><title>Port strike</title></head><body>'
  yes '<div>' | head -n 200000 | tr -d '\n'
  printf '<p>%s</p>' "$p$p$p"
  yes '</div>' | head -n 200000 | tr -d '\n'
  printf '</body></html>'
} > "$dir/deep.html"
ls -l "$dir"
