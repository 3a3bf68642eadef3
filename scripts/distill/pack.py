"""Packs a low-rank student (lowrank.py's .pt) for shipping: the ONNX graph without the teacher's weights, and the
corrections that rebuild them from LangChain4j's quantized MiniLM at load time (`LowRankModel` in Parallax).

Writes OUT.onnx (the whole model, 8-bit per channel, for measuring; never shipped), OUT-graph.onnx (the same graph
whose embedding tables and weight matrices are marked external: Parallax supplies them) and OUT.bin:
  magic "PLXLR1\\n", a little-endian int32 length, a JSON header, then float16 arrays in the header's order.
The header names, for each weight matrix, its initializer in the graph ("graph"), the teacher's it corrects
("base") and its two factors (B [out, rank], A [rank, in]: the weight is base + B·A, as torch's Linear stores it);
"copy" lists the teacher's tensors the graph takes unchanged (the embedding tables)."""
import argparse, json, struct
import numpy as np, onnx, torch
from onnx import numpy_helper, TensorProto
from student import build, export
from lowrank import teacher_q, LowRank, LINEARS, get, setmod, merged_copy

MAGIC = b'PLXLR1\n'

def load(pt, teacher, layers, rank):
    sd, names = teacher_q(teacher)
    model = build(sd, layers)
    for i in range(len(layers)):
        for lin in LINEARS:
            key = f'encoder.layer.{i}.{lin}'
            setmod(model, key, LowRank(get(model, key), rank))
    model.load_state_dict(torch.load(pt))
    return model, sd, names

def strip(full, out):
    """The graph of `full` with every quantized weight, and its scale and zero point, marked external; the embedding
    tables renamed to MiniLM's names, which they take unchanged."""
    m = onnx.load(full)
    modules, copy, rename = {}, [], {}
    for n in m.graph.node:
        if n.op_type == 'MatMulInteger' and n.input[1].endswith('_quantized'):
            path = n.name.strip('/').replace('/MatMul_quant', '').replace('/', '.')
            modules[path[2:] if path.startswith('m.') else path] = n.input[1][:-len('_quantized')]
    for t in m.graph.initializer:
        base = next((t.name[:-len(s)] for s in ('_quantized', '_scale', '_zero_point') if t.name.endswith(s)), None)
        if base is None:
            continue
        if base.startswith(('m.embeddings.', 'embeddings.')):
            new = t.name[2:] if t.name.startswith('m.') else t.name
            rename[t.name] = new; t.name = new; copy.append(new)
        elif base not in modules.values():
            continue
        t.ClearField('raw_data'); t.data_location = TensorProto.EXTERNAL
        del t.external_data[:]
        e = t.external_data.add(); e.key = 'location'; e.value = 'all-minilm-l6-v2-q'
    for n in m.graph.node:
        for i, x in enumerate(n.input):
            if x in rename: n.input[i] = rename[x]
    onnx.save(m, out)
    return modules, sorted(copy)

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--teacher-onnx'); ap.add_argument('--pt'); ap.add_argument('--layers', default='0,5')
    ap.add_argument('--rank', type=int, default=64); ap.add_argument('--out')
    a = ap.parse_args()
    layers = [int(x) for x in a.layers.split(',')]
    model, sd, names = load(a.pt, a.teacher_onnx, layers, a.rank)
    export(merged_copy(model, sd, layers), a.out, reduce_range=True)  # ±64, as MiniLM: what LowRankModel makes
    modules, copy = strip(a.out + '.onnx', a.out + '-graph.onnx')
    arrays, entries = [], []
    for i, L in enumerate(layers):
        for lin in LINEARS:
            m = get(model, f'encoder.layer.{i}.{lin}')
            for part in ('B', 'A'):
                x = getattr(m, part).detach().float().numpy().astype('<f2'); arrays.append(x)
                entries.append(dict(graph=modules[f'encoder.layer.{i}.{lin}'], base=names[f'encoder.layer.{L}.{lin}'],
                                    factor=part, shape=list(x.shape)))
    head = json.dumps(dict(teacher='all-minilm-l6-v2-q', layers=layers, rank=a.rank, copy=copy, factors=entries)).encode()
    with open(a.out + '.bin', 'wb') as f:
        f.write(MAGIC); f.write(struct.pack('<i', len(head))); f.write(head)
        for x in arrays: f.write(x.tobytes())
    print('wrote', a.out + '.bin', a.out + '-graph.onnx', a.out + '.onnx')
