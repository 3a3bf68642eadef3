"""Distils a smaller encoder from all-MiniLM-L6-v2: a BERT of the teacher's width with fewer layers, started from
some of the teacher's layers, trained so that its mean-pooled unit vector matches the teacher's on the texts the
default grouping embeds."""
import json, sys, time, argparse, numpy as np, torch, onnx
from onnx import numpy_helper
from tokenizers import Tokenizer
from transformers import BertConfig, BertModel

def teacher_weights(path):
    m = onnx.load(path)
    init = {i.name: numpy_helper.to_array(i) for i in m.graph.initializer}
    sd = {}
    for k, v in init.items():
        if not k.startswith('onnx::') and 'position_ids' not in k:
            sd[k] = torch.tensor(v.copy())
    for n in m.graph.node:
        if n.op_type == 'MatMul':
            w = [i for i in n.input if i in init]
            if w:
                name = n.name.strip('/').replace('/MatMul', '').replace('/', '.')
                sd[name + '.weight'] = torch.tensor(init[w[0]].T.copy())
    return sd

def build(sd, layers):
    cfg = BertConfig(vocab_size=30522, hidden_size=384, num_hidden_layers=len(layers), num_attention_heads=12,
                     intermediate_size=1536, max_position_embeddings=512, type_vocab_size=2,
                     # eager attention exports as the plain MatMul/Softmax graph ONNX Runtime fuses best (SDPA's
                     # export runs ~20 % slower at the same weights)
                     attn_implementation='eager')
    model = BertModel(cfg, add_pooling_layer=False)
    own = {}
    for k, v in sd.items():
        if k.startswith('encoder.layer.'):
            i = int(k.split('.')[2])
            if i in layers:
                own[k.replace(f'encoder.layer.{i}.', f'encoder.layer.{layers.index(i)}.', 1)] = v
        else:
            own[k] = v
    missing, unexpected = model.load_state_dict(own, strict=False)
    missing = [m for m in missing if 'position_ids' not in m]
    assert not missing and not unexpected, (missing, unexpected)
    return model

def pooled(model, ids, mask):
    h = model(input_ids=ids, attention_mask=mask, token_type_ids=torch.zeros_like(ids)).last_hidden_state
    m = mask.unsqueeze(-1).float()
    v = (h * m).sum(1) / m.sum(1)
    return torch.nn.functional.normalize(v, dim=-1)

def batches(tok, texts, idx, size):
    for b in range(0, len(idx), size):
        sel = idx[b:b + size]
        enc = [tok.encode(texts[i]).ids[:512] for i in sel]
        n = max(len(e) for e in enc)
        ids = torch.zeros((len(enc), n), dtype=torch.long); mask = torch.zeros((len(enc), n), dtype=torch.long)
        for j, e in enumerate(enc):
            ids[j, :len(e)] = torch.tensor(e); mask[j, :len(e)] = 1
        yield sel, ids, mask

def fit(model, params, tok, texts, target, train, rng, minutes, lr, batch, sim_weight, weight_decay=0.0,
        every=None, tick=None):
    """Trains `params` of `model` for `minutes` (warm-up over 100 steps, then a rate falling linearly to 0 at the end
    of the budget) so that the pooled vectors of the texts `train` indexes match `target` (cosine) and, weighted by
    `sim_weight`, so do their pairwise similarities within a batch; calls `tick()` every `every` seconds."""
    opt = torch.optim.AdamW(params, lr=lr, weight_decay=weight_decay)
    start = time.time(); step = 0; epoch = 0; budget = minutes * 60; last = start
    while time.time() - start < budget:
        rng.shuffle(train); epoch += 1
        # length-sorted buckets within chunks: less padding, same randomness across chunks
        for c in range(0, len(train), batch * 50):
            chunk = sorted(train[c:c + batch * 50], key=lambda i: len(texts[i]))
            bs = [chunk[b:b + batch] for b in range(0, len(chunk), batch)]
            rng.shuffle(bs)
            for sel in bs:
                frac = min(1.0, (time.time() - start) / budget)
                for g in opt.param_groups: g['lr'] = lr * (1 - frac) if step > 100 else lr * step / 100
                _, ids, mask = next(batches(tok, texts, sel, len(sel)))
                v = pooled(model, ids, mask)
                t = target[sel]
                loss = (1 - (v * t).sum(-1)).mean()
                if sim_weight > 0:
                    loss = loss + sim_weight * ((v @ v.T - t @ t.T) ** 2).mean()
                opt.zero_grad(); loss.backward(); opt.step(); step += 1
                if step % 200 == 0:
                    print(f'epoch {epoch} step {step} loss {loss.item():.4f} {time.time()-start:.0f}s', flush=True)
                if tick and time.time() - last > every:
                    tick(step); last = time.time()
                if time.time() - start >= budget: break
            if time.time() - start >= budget: break
    return step, epoch

def setup(a):
    """Seeds, the tokenizer, the texts, the teacher's vectors, and the held-out / training split (2,000 held out)."""
    torch.manual_seed(a.seed); torch.set_num_threads(2)
    rng = np.random.default_rng(a.seed)
    tok = Tokenizer.from_file(a.tokenizer); tok.no_padding(); tok.no_truncation()
    texts = [json.loads(l)['text'] for l in open(a.texts)]
    target = torch.tensor(np.load(a.targets))
    order = rng.permutation(len(texts))
    return rng, tok, texts, target, order[:2000], order[2000:]

class Wrapped(torch.nn.Module):
    def __init__(self, m):
        super().__init__(); self.m = m
    def forward(self, input_ids, attention_mask, token_type_ids):
        return self.m(input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids).last_hidden_state

def export(model, out, reduce_range=False):
    model.eval()
    a = argparse.Namespace(out=out)
    ids = torch.tensor([[101, 2023, 2003, 102]]); mask = torch.ones_like(ids)
    torch.onnx.export(Wrapped(model), (ids, mask, torch.zeros_like(ids)), a.out + '-fp32.onnx',
                      input_names=['input_ids', 'attention_mask', 'token_type_ids'], output_names=['last_hidden_state'],
                      dynamic_axes={k: {0: 'batch', 1: 'seq'} for k in ['input_ids', 'attention_mask', 'token_type_ids', 'last_hidden_state']},
                      opset_version=11, dynamo=False)  # opset 11 as LangChain4j's export: same speed
    from onnxruntime.quantization import quantize_dynamic, QuantType
    quantize_dynamic(a.out + '-fp32.onnx', a.out + '.onnx', weight_type=QuantType.QInt8, per_channel=True, reduce_range=reduce_range,
                    op_types_to_quantize=['MatMul', 'Gather'])  # as LangChain4j's MiniLM: 8-bit, per channel
    print('wrote', a.out + '.onnx')

if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('--teacher-onnx'); ap.add_argument('--tokenizer'); ap.add_argument('--texts'); ap.add_argument('--targets')
    ap.add_argument('--layers', default='0,2,5'); ap.add_argument('--minutes', type=float, default=15)
    ap.add_argument('--lr', type=float, default=1e-4); ap.add_argument('--batch', type=int, default=32)
    # weight of the loss on the batch's pairwise similarities (the grouping compares texts with each other)
    ap.add_argument('--sim-weight', type=float, default=0.0)
    ap.add_argument('--out'); ap.add_argument('--resume'); ap.add_argument('--export-only', action='store_true'); ap.add_argument('--seed', type=int, default=17); ap.add_argument('--check', action='store_true')
    a = ap.parse_args()
    rng, tok, texts, target, held, train = setup(a)
    sd = teacher_weights(a.teacher_onnx)
    layers = [int(x) for x in a.layers.split(',')]
    model = build(sd, layers)
    if a.resume:
        model.load_state_dict(torch.load(a.resume))
    if a.export_only:
        export(model, a.out); sys.exit()
    def evaluate():
        model.eval(); cs = []
        with torch.no_grad():
            for sel, ids, mask in batches(tok, texts, held, 64):
                cs.append((pooled(model, ids, mask) * target[sel]).sum(-1))
        model.train(); c = torch.cat(cs); return float(c.mean()), float(c.min())
    print('layers', layers, 'held-out cosine with the teacher before training', evaluate(), flush=True)
    if a.check:
        full = build(sd, list(range(6))); model = full; print('6-layer fp32 rebuild vs teacher', evaluate()); sys.exit()
    step, epoch = fit(model, model.parameters(), tok, texts, target, train, rng, a.minutes, a.lr, a.batch, a.sim_weight,
                      weight_decay=0.01)
    print('after', step, 'steps,', epoch, 'epochs: held-out cosine', evaluate(), flush=True)
    torch.save(model.state_dict(), a.out + '.pt')
    export(model, a.out)

