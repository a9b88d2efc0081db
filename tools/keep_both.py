"""Developer tool: resolve an append/append merge conflict by keeping both sides, ours first."""

import re
import sys

for path in sys.argv[1:]:
    text = open(path, encoding="utf-8").read()
    text = re.sub(r"(?m)^<<<<<<< .*\n", "", text)
    text = re.sub(r"(?m)^=======\n", "\n", text)
    text = re.sub(r"(?m)^>>>>>>> .*\n", "", text)
    open(path, "w", encoding="utf-8").write(text)
