"""An independent plain-text rendering of a stored HTML page, for checking gold quotes (stdlib only).

Word-exported pages split a number from its unit, or a number in two (`12</span><span>35.32`), across inline
elements, so a quote cannot be found in the raw markup. The gold scripts look quotes up in this rendering
instead: <script>/<style>/<head> content dropped, inline text joined as it stands, block elements (p, div, br,
tr, li, h1-h6, table, section ...) on new lines, entities decoded, runs of whitespace collapsed to one space, lines
stripped and empty lines dropped. It is written apart from lib/ingest on purpose (the gold must not depend on the
code it scores).

    python3 gold/official/src/html_text.py tests/corpus/reports2/some_page.html
"""

import re
import sys
from html.parser import HTMLParser

DROP = {"script", "style", "head", "title", "noscript", "template"}
BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "table", "section", "ul", "ol",
         "article", "header", "footer", "blockquote", "dd", "dt", "dl", "hr"}  # fmt: skip


class _Renderer(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in DROP:
            self.skip += 1
        elif tag in BLOCK:
            self.out.append("\n")

    def handle_startendtag(self, tag, attrs):
        if tag in BLOCK:
            self.out.append("\n")

    def handle_endtag(self, tag):
        if tag in DROP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.out.append("\n")
        elif tag in ("td", "th"):
            self.out.append(" ")

    def handle_data(self, data):
        if not self.skip:
            self.out.append(data)


def html_to_text(html: str) -> str:
    r = _Renderer()
    r.feed(html)
    r.close()
    lines = (re.sub(r"\s+", " ", line).strip() for line in "".join(r.out).split("\n"))
    return "\n".join(line for line in lines if line)


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as fh:
        print(html_to_text(fh.read()))
