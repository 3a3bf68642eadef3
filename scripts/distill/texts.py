"""Writes the distillation texts: headline + first 60 words, as the default grouping embeds them."""
import gzip, json, sys
out = open(sys.argv[1], 'w')
n = 0
def lead(title, body):
    t = (title or '').strip()
    head = t + '. ' if t else ''
    return head + ' '.join((body or '').split()[:60])
with gzip.open(sys.argv[2], 'rt') as f:
    for line in f:
        r = json.loads(line)
        s = lead(r.get('title'), r.get('text'))
        if s.strip():
            out.write(json.dumps({'src': 'allsides', 'text': s}) + '\n'); n += 1
with open(sys.argv[3]) as f:
    for line in f:
        for part in line.split('[SEP]'):
            if 'TITLE=>' not in part: continue
            t, _, a = part.partition('ARTICLE=>')
            s = lead(t.replace('TITLE=>', ''), a)
            out.write(json.dumps({'src': 'neus-train', 'text': s}) + '\n'); n += 1
print(n)
