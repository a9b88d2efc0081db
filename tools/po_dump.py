"""Developer tool: print a JSON object {msgid: msgstr} of the translated entries of .po files
(later files win). With po_fill.py it resolves merge conflicts in catalogues:
  git show :2:PATH > /tmp/a.po; git show :3:PATH > /tmp/b.po
  python tools/po_dump.py /tmp/a.po /tmp/b.po > /tmp/t.json
  (take either side, run makemessages, then) python tools/po_fill.py PATH /tmp/t.json
"""

import json
import re
import sys


def entries(text: str):
    text = re.sub(r'(?m)^(".*")\n(#[:,.] )', r"\1\n\n\2", text)
    for block in text.split("\n\n"):
        m = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if not m:
            continue
        msgid = "".join(json.loads(x) for x in re.findall(r'".*"', m.group(1)))
        if not msgid:
            continue
        plural = re.findall(r'^msgstr\[(\d)\] ((?:".*"\n?)+)', block, re.M)
        if plural:
            values = ["".join(json.loads(x) for x in re.findall(r'".*"', v)) for _, v in plural]
            if all(values):
                yield msgid, values
            continue
        s = re.search(r'^msgstr ((?:".*"\n?)+)', block, re.M)
        if s:
            value = "".join(json.loads(x) for x in re.findall(r'".*"', s.group(1)))
            if value and "#, fuzzy" not in block:
                yield msgid, value


def main(paths):
    out = {}
    for p in paths:
        out.update(entries(open(p, encoding="utf-8").read()))
    print(json.dumps(out, ensure_ascii=False, indent=0))


if __name__ == "__main__":
    main(sys.argv[1:])
