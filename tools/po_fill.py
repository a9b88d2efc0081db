"""Developer tool: fill empty msgstr entries of a .po file from a JSON object {msgid: msgstr}.

For a plural entry give a list [singular, plural]. Then compile: `django-admin compilemessages`.
Usage: python tools/po_fill.py path/to/django.po translations.json
"""

import json
import re
import sys


def unquote(lines):
    return "".join(json.loads(x) for x in lines)


def main(po_path: str, json_path: str) -> None:
    table = json.load(open(json_path, encoding="utf-8"))
    text = open(po_path, encoding="utf-8").read()
    # Every entry in its own block: a blank line before any reference comment that follows a string.
    text = re.sub(r'(?m)^(".*")\n(#[:,.] )', r"\1\n\n\2", text)
    blocks = text.split("\n\n")
    missing = []
    for i, block in enumerate(blocks):
        m = re.search(r'^msgid ((?:".*"\n?)+)', block, re.M)
        if not m or block.lstrip().startswith('msgid ""\nmsgstr ""\n"Project'):
            continue
        msgid = unquote(re.findall(r'".*"', m.group(1)))
        if not msgid:
            continue
        if msgid not in table:
            if re.search(r'^msgstr(\[0\])? ""(?:\n(?!")|\Z)', block, re.M) and "#, fuzzy" not in block:
                missing.append(msgid)
            continue
        value = table[msgid]
        block = re.sub(r"(?m)^#\| .*\n", "", block)
        block = re.sub(r"(?m)^#, fuzzy\n", "", block)
        block = re.sub(r"(?m)^#, fuzzy, ", "#, ", block)
        if "msgid_plural" in block:
            values = value if isinstance(value, list) else [value]
            sing, plur = values[0], values[-1]
            block = re.sub(r'msgstr\[0\] (?:".*"\n?)+', "msgstr[0] " + json.dumps(sing, ensure_ascii=False) + "\n", block)
            block = re.sub(r'msgstr\[1\] (?:".*"\n?)+', "msgstr[1] " + json.dumps(plur, ensure_ascii=False) + "\n", block)
        else:
            block = re.sub(r'^msgstr (?:".*"\n?)+', "msgstr " + json.dumps(value, ensure_ascii=False) + "\n", block, flags=re.M)
        blocks[i] = block.rstrip("\n")
    open(po_path, "w", encoding="utf-8").write("\n\n".join(blocks).rstrip("\n") + "\n")
    if missing:
        print(f"{len(missing)} msgid without a translation:", *missing, sep="\n  ", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:3])
