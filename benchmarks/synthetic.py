"""A realistic synthetic corpus: bilingual abstracts recombined from the bundled examples.

Each document takes a few Chinese and a few English sentences of the example
texts, with the numbers varied and the zone names swapped, and is written as
one JSONL row (``id``, ``zh``, ``en``, ``year``, ``zone``) — the format a
research group's scraped corpus usually comes in.

    python benchmarks/synthetic.py 1000 -o /tmp/corpus-1k.jsonl
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples" / "texts"
ZONES_ZH = [
    "上海",
    "广东",
    "天津",
    "福建",
    "辽宁",
    "浙江",
    "河南",
    "湖北",
    "重庆",
    "四川",
    "陕西",
    "海南",
    "山东",
    "江苏",
    "广西",
    "河北",
    "云南",
    "黑龙江",
    "北京",
    "湖南",
    "安徽",
    "新疆",
]
ZONES_EN = [
    "Shanghai",
    "Guangdong",
    "Tianjin",
    "Fujian",
    "Liaoning",
    "Zhejiang",
    "Henan",
    "Hubei",
    "Chongqing",
    "Sichuan",
    "Shaanxi",
    "Hainan",
    "Shandong",
    "Jiangsu",
    "Guangxi",
    "Hebei",
    "Yunnan",
    "Heilongjiang",
    "Beijing",
    "Hunan",
    "Anhui",
    "Xinjiang",
]
_ZH_SENTENCE = re.compile(r"[^。！？\n]+[。！？]")
_EN_SENTENCE = re.compile(r"[^.!?\n]+[.!?]")
_NUMBER = re.compile(r"\d+")


def sentence_pools() -> tuple[list[str], list[str]]:
    zh, en = [], []
    for path in sorted(EXAMPLES.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        chinese, _, rest = text.partition("<<")
        zh += [s.strip() for s in _ZH_SENTENCE.findall(chinese) if len(s.strip()) > 15]
        english = rest.split("<<")[0]
        en += [s.strip() for s in _EN_SENTENCE.findall(english) if len(s.split()) > 6]
    return zh, en


def vary(sentence: str, rng: random.Random, zones: list[str]) -> str:
    sentence = _NUMBER.sub(
        lambda m: str(rng.randint(2, 99)) if len(m.group()) < 4 else m.group(), sentence
    )
    for zone in zones:
        if zone in sentence:
            sentence = sentence.replace(zone, rng.choice(zones))
    return sentence


def generate(n: int, seed: int = 7) -> list[dict[str, str]]:
    rng = random.Random(seed)
    zh_pool, en_pool = sentence_pools()
    rows = []
    for i in range(n):
        k = rng.randint(3, 6)
        index = rng.randrange(len(ZONES_ZH))
        zh = "".join(vary(s, rng, ZONES_ZH) for s in rng.sample(zh_pool, k))
        en = " ".join(vary(s, rng, ZONES_EN) for s in rng.sample(en_pool, k))
        rows.append(
            {
                "id": f"doc{i:06d}",
                "zh": zh,
                "en": en,
                "year": str(2013 + i % 12),
                "zone": ZONES_EN[index],
            }
        )
    return rows


def write(rows: list[dict[str, str]], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as handle:
        for row in rows:
            handle.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int, help="number of documents")
    parser.add_argument("-o", "--output", type=Path, required=True)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    write(generate(args.n, args.seed), args.output)
    print(f"wrote {args.n} documents to {args.output}")


if __name__ == "__main__":
    main()
