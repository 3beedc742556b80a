#!/usr/bin/env bash
# Builds src/main/resources/app/scantill/ui/fonts/ScanTillSansJP.ttf: the Japanese glyphs ScanTill ships
# so Japanese renders on a till whose system has no CJK font (docs/i18n.md, "Japanese text").
#
# Source: Droid Sans Fallback (Apache License 2.0, Debian package fonts-droid-fallback), kept to kana,
# CJK punctuation, full- and half-width forms, the 6,355 kanji of JIS X 0208 (levels 1 and 2) and every
# character of messages_ja.properties; renamed "ScanTill Sans JP" (Droid is Google's trademark).
# Needs: apt-get install fonts-droid-fallback fonttools
set -euo pipefail
cd "$(dirname "$0")/../.."
source_font=/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf
out=src/main/resources/app/scantill/ui/fonts/ScanTillSansJP.ttf
bundle=src/main/resources/app/scantill/i18n/messages_ja.properties

/usr/bin/python3 - "$source_font" "$out" "$bundle" <<'PY'
import sys
from fontTools import subset
from fontTools.ttLib import TTFont

source, out, bundle = sys.argv[1:4]
wanted = set()
for first, last in [(0x3000, 0x303F), (0x3040, 0x309F), (0x30A0, 0x30FF), (0x31F0, 0x31FF), (0xFF00, 0xFFEF),
                    (0x2010, 0x2027), (0x2030, 0x205E), (0x2190, 0x2193), (0x2212, 0x2212), (0x25A0, 0x25FF)]:
    wanted.update(range(first, last + 1))
for cp in range(0x4E00, 0xA000):  # JIS X 0208 kanji: EUC-JP lead bytes 0xB0..0xF4
    try:
        encoded = chr(cp).encode("euc_jp")
    except UnicodeEncodeError:
        continue
    if len(encoded) == 2 and 0xB0 <= encoded[0] <= 0xF4:
        wanted.add(cp)
with open(bundle, encoding="utf-8") as f:
    wanted.update(ord(c) for c in f.read() if ord(c) > 0x7F)

font = TTFont(source)
options = subset.Options()
options.layout_features = ["*"]
options.name_IDs = ["*"]
subsetter = subset.Subsetter(options)
subsetter.populate(unicodes=sorted(wanted & set(font.getBestCmap())))
subsetter.subset(font)
for record in font["name"].names:
    if record.nameID in (1, 3, 4, 16):
        record.string = "ScanTill Sans JP"
    elif record.nameID == 6:
        record.string = "ScanTillSansJP"
font.save(out)
print(out, len(font.getBestCmap()), "characters")
PY
ls -l "$out"
