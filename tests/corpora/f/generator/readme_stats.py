"""print the count tables for README.md from key.jsonl"""
import json, collections, os, sys
d = sys.argv[1] if len(sys.argv) > 1 else "."
K = [json.loads(l) for l in open(os.path.join(d, "key.jsonl"), encoding="utf-8")]
def tab(title, f):
    c = collections.Counter(f(k) for k in K)
    print(f"| {title} | files |\n|---|---|")
    for v, n in sorted(c.items(), key=lambda x: (-x[1], x[0])):
        print(f"| {v} | {n} |")
    print()
tab("expect", lambda k: k["expect"])
tab("language", lambda k: k["language"])
tab("file type", lambda k: k["file"].rsplit(".", 1)[1])
tab("style", lambda k: k["style"])
sub = [k for k in K if k["expect"] in ("return", "duplicate")]
print(f"Keyed values: {sum(len(k['fields']) for k in K)} (of which submission fields {sum(sum(1 for f in k['fields'] if f in ('country','respondent_type','language','submitted_on')) for k in K)}); "
      f"review_fields entries: {sum(len(k['review_fields']) for k in K)}; total raw size: {sum(os.path.getsize(os.path.join(d,'raw',k['file'])) for k in K)/1e6:.1f} MB")
