"""Sentence splitting for Chinese and English segments."""

from __future__ import annotations

import pytest

from ftzgraph.lang.en.sentences import split_sentences as split_en
from ftzgraph.lang.zh.sentences import split_sentences as split_zh


def zh(text: str) -> list[str]:
    return [text[b:e] for b, e in split_zh(text, 0, len(text))]


def en(text: str) -> list[str]:
    return [text[b:e] for b, e in split_en(text, 0, len(text))]


# --- Chinese ----------------------------------------------------------------


def test_zh_splits_at_full_width_terminators() -> None:
    text = "自贸区缩减了负面清单。单一窗口覆盖全部口岸！下一步如何推进？继续深化改革。"
    assert zh(text) == [
        "自贸区缩减了负面清单。",
        "单一窗口覆盖全部口岸！",
        "下一步如何推进？",
        "继续深化改革。",
    ]
    assert split_zh(text, 0, len(text))[:2] == [(0, 11), (11, 22)]


def test_zh_splits_at_ascii_exclamation_and_question() -> None:
    text = "通关时间大幅压缩!企业是否满意?调查显示满意度较高。"
    assert zh(text) == ["通关时间大幅压缩!", "企业是否满意?", "调查显示满意度较高。"]


def test_zh_repeated_terminators_stay_together() -> None:
    text = "这是制度创新吗？！当然是。"
    assert zh(text) == ["这是制度创新吗？！", "当然是。"]


def test_zh_decimal_point_is_not_a_split() -> None:
    text = "试验区面积扩大到3.5平方公里。外资增长12.8%。"
    assert zh(text) == ["试验区面积扩大到3.5平方公里。", "外资增长12.8%。"]


def test_zh_ascii_full_stop_after_chinese_splits() -> None:
    text = "负面清单继续缩减.单一窗口持续优化."
    assert zh(text) == ["负面清单继续缩减.", "单一窗口持续优化."]


def test_zh_closing_quote_stays_with_sentence() -> None:
    text = "文件要求“进一步压缩负面清单。”各片区随后出台细则。"
    assert zh(text) == ["文件要求“进一步压缩负面清单。”", "各片区随后出台细则。"]


def test_zh_reversed_closing_quote_stays_with_sentence() -> None:
    text = "会议提出”推进贸易便利化。“海关总署随即部署。"
    assert zh(text) == ["会议提出”推进贸易便利化。“", "海关总署随即部署。"]


def test_zh_closing_brackets_stay_with_sentence() -> None:
    text = "实行准入前国民待遇（详见《外商投资法》。）临港新片区率先试点。"
    assert zh(text) == ["实行准入前国民待遇（详见《外商投资法》。）", "临港新片区率先试点。"]


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_zh_line_breaks_split(newline: str) -> None:
    text = f"一、主要成效{newline}二、存在问题{newline}{newline}三、对策建议"
    assert zh(text) == ["一、主要成效", "二、存在问题", "三、对策建议"]


def test_zh_whitespace_trimmed() -> None:
    text = "  \u3000优化营商环境。   推进放管服改革。  \n"
    spans = split_zh(text, 0, len(text))
    assert [text[b:e] for b, e in spans] == ["优化营商环境。", "推进放管服改革。"]
    assert spans[0][0] == 3


def test_zh_document_offsets_when_begin_is_not_zero() -> None:
    prefix = "<<English part here.\n<<\n"
    body = "实施外资准入负面清单。建设单一窗口。"
    text = prefix + body + "\n尾部"
    begin, end = len(prefix), len(prefix) + len(body)
    spans = split_zh(text, begin, end)
    assert spans == [(begin, begin + 11), (begin + 11, end)]
    assert [text[b:e] for b, e in spans] == ["实施外资准入负面清单。", "建设单一窗口。"]


def test_zh_no_terminator_gives_one_sentence_and_empty_gives_none() -> None:
    assert zh("持续深化投资管理体制改革") == ["持续深化投资管理体制改革"]
    assert split_zh("   \n  ", 0, 6) == []


# --- English ----------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Pilot zones, e.g. Shanghai and Hainan, shortened the negative list.",
        "The reform, i.e. Streamlining approvals, cut costs.",
        "Firms from the U.S. Chamber of Commerce welcomed the single window.",
        "See Circular No. 12 on trade facilitation.",
        "Under Art. 5 the list applies to all zones.",
        "Mr. Li and Dr. Wang led the review.",
    ],
)
def test_en_abbreviations_do_not_split(sentence: str) -> None:
    text = f"{sentence} Customs clearance became faster."
    assert en(text) == [sentence, "Customs clearance became faster."]


def test_en_basic_split_with_offsets() -> None:
    text = "The list was shortened. Customs time fell! Is it enough? More is planned."
    assert en(text) == [
        "The list was shortened.",
        "Customs time fell!",
        "Is it enough?",
        "More is planned.",
    ]
    assert split_en(text, 0, len(text))[:2] == [(0, 23), (24, 42)]


def test_en_etc_followed_by_capital_splits() -> None:
    text = "It covers goods, services, data etc. The next step is finance."
    assert en(text) == ["It covers goods, services, data etc.", "The next step is finance."]


def test_en_etc_followed_by_lower_case_does_not_split() -> None:
    text = "Goods, services etc. are covered by the single window."
    assert en(text) == [text]


def test_en_decimals_do_not_split() -> None:
    text = "Trade grew 3.5 percent in 2023. Investment rose 12.8 percent."
    assert en(text) == ["Trade grew 3.5 percent in 2023.", "Investment rose 12.8 percent."]


def test_en_sentence_ending_with_closing_quote() -> None:
    text = 'The plan calls this "a negative list." Officials agreed.'
    assert en(text) == ['The plan calls this "a negative list."', "Officials agreed."]
    curly = "It was called “the single window.” Traders used it."
    assert en(curly) == ["It was called “the single window.”", "Traders used it."]


def test_en_initials_do_not_split() -> None:
    text = "The report by J. Smith praised the zone. It was widely read."
    assert en(text) == ["The report by J. Smith praised the zone.", "It was widely read."]


def test_en_lower_case_after_period_does_not_split() -> None:
    text = "Approval took 3 days vs. weeks before. then it fell again."
    assert en(text) == [text]


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_en_line_breaks_split(newline: str) -> None:
    text = f"Key achievements{newline}Trade facilitation improved{newline}{newline}Next steps"
    assert en(text) == ["Key achievements", "Trade facilitation improved", "Next steps"]


def test_en_document_offsets_and_trimming() -> None:
    prefix = "自贸区负面清单。\n<<"
    body = "  The list shrank. The window opened.  "
    text = prefix + body + "\n<<\n"
    begin, end = len(prefix), len(prefix) + len(body)
    spans = split_en(text, begin, end)
    assert spans == [(begin + 2, begin + 18), (begin + 19, end - 2)]
    assert [text[b:e] for b, e in spans] == ["The list shrank.", "The window opened."]
