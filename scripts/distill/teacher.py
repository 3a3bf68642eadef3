"""Teacher vectors: the quantized all-MiniLM-L6-v2 the grouping uses, one text per pass, mean over every piece."""
import json, sys, numpy as np, onnxruntime as ort
from tokenizers import Tokenizer
model, tok_path, texts, out = sys.argv[1:5]
tok = Tokenizer.from_file(tok_path); tok.no_padding(); tok.no_truncation()
so = ort.SessionOptions(); so.intra_op_num_threads = 2
s = ort.InferenceSession(model, so, providers=['CPUExecutionProvider'])
rows = [json.loads(l)['text'] for l in open(texts)]
vecs = np.zeros((len(rows), 384), np.float32)
for i, t in enumerate(rows):
    e = tok.encode(t)
    ids = np.array([e.ids[:512]], np.int64)
    if len(e.ids) > 512: ids[0, -1] = e.ids[-1]
    feed = {'input_ids': ids, 'attention_mask': np.ones_like(ids), 'token_type_ids': np.zeros_like(ids)}
    h = s.run(None, feed)[0][0]
    v = h.mean(0); vecs[i] = v / np.linalg.norm(v)
    if i % 5000 == 0: print(i, flush=True)
np.save(out, vecs)
