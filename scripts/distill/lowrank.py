"""Distils a 2-layer encoder from all-MiniLM-L6-v2 that ships as low-rank corrections of the teacher's own weights.

Every weight matrix of the student is one of the quantized teacher's (dequantized: the same bytes LangChain4j's jar
carries, which Parallax already has at run time) plus a product B·A of rank R; the biases and layer norms are trained
whole, the embeddings are the teacher's, frozen. Only the factors, biases and norms are written (a few hundred KB to
2 MB), and `LeadEncoder` assembles the model from them and the jar's MiniLM when it loads (`LowRankModel`). Trained, like student.py,
so that the mean-pooled unit vector matches the teacher's on the texts the default grouping embeds, and the batch's
pairwise similarities match the teacher's.

Writes OUT.pt (and OUT-ck.pt every --checkpoint-minutes); pack.py turns it into the shipped files."""
import argparse
import numpy as np, onnx, torch
from onnx import numpy_helper
from student import build, pooled, batches, fit, setup

def teacher_q(path):
    """The quantized teacher's weights, dequantized, under BertModel's names; and each matrix's initializer name."""
    m = onnx.load(path)
    init = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    sd, names = {}, {}
    for k, v in init.items():
        if not k.startswith('onnx::') and 'position_ids' not in k and not k.endswith(('_scale', '_zero_point', '_quantized')):
            sd[k] = torch.tensor(v.copy())
    for e in ['word', 'position', 'token_type']:
        p = f'embeddings.{e}_embeddings.weight'
        q = init[p + '_quantized'].astype(np.float32)
        sd[p] = torch.tensor((q - init[p + '_zero_point'].astype(np.float32)) * init[p + '_scale'])
    for n in m.graph.node:
        if n.op_type == 'MatMulInteger':
            w = n.input[1]; base = w[:-len('_quantized')]
            mod = n.name.strip('/').replace('/MatMul_quant', '').replace('/', '.')
            sd[mod + '.weight'] = torch.tensor((init[w].astype(np.float32) * init[base + '_scale'][None, :]).T.copy())
            names[mod] = base
    return sd, names

class LowRank(torch.nn.Module):
    """y = x (W + B A)^T + b with W frozen."""
    def __init__(self, linear, rank, delta=None):
        super().__init__()
        self.register_buffer('w', linear.weight.detach().clone())
        self.bias = torch.nn.Parameter(linear.bias.detach().clone())
        out, inp = self.w.shape
        if delta is not None:  # warm start: the best rank-R approximation of a known correction
            U, S, Vh = torch.linalg.svd(delta, full_matrices=False)
            s = S[:rank].sqrt()
            self.B = torch.nn.Parameter((U[:, :rank] * s).contiguous()); self.A = torch.nn.Parameter((s[:, None] * Vh[:rank]).contiguous())
        else:
            self.B = torch.nn.Parameter(torch.zeros(out, rank)); self.A = torch.nn.Parameter(torch.randn(rank, inp) * 0.01)
    def merged(self):
        return self.w + self.B @ self.A
    def forward(self, x):
        return torch.nn.functional.linear(x, self.merged(), self.bias)

LINEARS = ['attention.self.query', 'attention.self.key', 'attention.self.value', 'attention.output.dense',
           'intermediate.dense', 'output.dense']

def get(mod, path):
    for p in path.split('.'): mod = getattr(mod, p)
    return mod

def setmod(mod, path, new):
    *head, last = path.split('.')
    for p in head: mod = getattr(mod, p)
    setattr(mod, last, new)

def merged_copy(model, sd, layers):
    """A plain BertModel with the corrections merged, for the 8-bit export."""
    plain = build(sd, layers)
    st = {}
    for k, v in model.state_dict().items():
        if k.endswith(('.w', '.A', '.B')): continue
        st[k] = v
    for i in range(len(layers)):
        for lin in LINEARS:
            m = get(model, f'encoder.layer.{i}.{lin}')
            st[f'encoder.layer.{i}.{lin}.weight'] = m.merged().detach(); st[f'encoder.layer.{i}.{lin}.bias'] = m.bias.detach()
    plain.load_state_dict(st, strict=False)
    return plain

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--teacher-onnx'); ap.add_argument('--tokenizer'); ap.add_argument('--texts'); ap.add_argument('--targets')
    ap.add_argument('--layers', default='0,5'); ap.add_argument('--rank', type=int, default=64)
    ap.add_argument('--warm', help='a full student (student.py\'s .pt) whose layers, one per --warm-layers, start the corrections')
    ap.add_argument('--warm-layers', default='0,2')
    ap.add_argument('--minutes', type=float, default=60); ap.add_argument('--lr', type=float, default=4e-4)
    ap.add_argument('--batch', type=int, default=32); ap.add_argument('--sim-weight', type=float, default=5.0)
    ap.add_argument('--checkpoint-minutes', type=float, default=10)
    ap.add_argument('--out'); ap.add_argument('--resume'); ap.add_argument('--seed', type=int, default=17)
    a = ap.parse_args()
    rng, tok, texts, target, held, train = setup(a)
    sd, names = teacher_q(a.teacher_onnx)
    layers = [int(x) for x in a.layers.split(',')]
    model = build(sd, layers)
    warm = torch.load(a.warm) if a.warm else None
    wl = [int(x) for x in a.warm_layers.split(',')]
    for p in model.parameters(): p.requires_grad = False
    for i, L in enumerate(layers):
        for lin in LINEARS:
            key = f'encoder.layer.{i}.{lin}'
            old = get(model, key)
            delta = None
            if warm is not None:
                wk = f'encoder.layer.{wl[i]}.{lin}'
                delta = warm[wk + '.weight'] - old.weight.detach()
                old.bias.data.copy_(warm[wk + '.bias'])
            setmod(model, key, LowRank(old, a.rank, delta))
        for ln in ['attention.output.LayerNorm', 'output.LayerNorm']:
            n = get(model, f'encoder.layer.{i}.{ln}')
            if warm is not None:
                n.weight.data.copy_(warm[f'encoder.layer.{wl[i]}.{ln}.weight']); n.bias.data.copy_(warm[f'encoder.layer.{wl[i]}.{ln}.bias'])
            n.weight.requires_grad = True; n.bias.requires_grad = True
    if warm is not None:
        model.embeddings.LayerNorm.weight.data.copy_(warm['embeddings.LayerNorm.weight']); model.embeddings.LayerNorm.bias.data.copy_(warm['embeddings.LayerNorm.bias'])
    model.embeddings.LayerNorm.weight.requires_grad = True; model.embeddings.LayerNorm.bias.requires_grad = True
    if a.resume:
        model.load_state_dict(torch.load(a.resume))
    params = [p for p in model.parameters() if p.requires_grad]
    print('trainable', sum(p.numel() for p in params), flush=True)
    def evaluate():
        model.eval(); cs = []
        with torch.no_grad():
            for sel, ids, mask in batches(tok, texts, held, 64):
                cs.append((pooled(model, ids, mask) * target[sel]).sum(-1))
        model.train(); c = torch.cat(cs); return round(float(c.mean()), 4), round(float(c.min()), 4)
    def save(tag=''):
        torch.save(model.state_dict(), a.out + tag + '.pt')
    print('layers', layers, 'rank', a.rank, 'held-out cosine before training', evaluate(), flush=True)
    step, epoch = fit(model, params, tok, texts, target, train, rng, a.minutes, a.lr, a.batch, a.sim_weight,
                      every=a.checkpoint_minutes * 60, tick=lambda n: (save('-ck'), print('checkpoint', n, evaluate(), flush=True)))
    print('after', step, 'steps,', epoch, 'epochs: held-out cosine', evaluate(), flush=True)
    save()
