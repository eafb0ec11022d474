"""Parties' names masked (issue 13): a person's name keeps its surname, an organisation's stays, the list keeps its
separators."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from qingji.core.masking import COMPOUND_SURNAMES, MASK, mask_name, mask_parties

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5).filter(lambda c: c not in "某")
PERSON = st.text(HAN, min_size=2, max_size=4)
SEPARATOR = st.sampled_from([";", "；", "、", ",", "，"])


def test_names_as_the_courts_publish_them() -> None:
    assert mask_name("张三") == "张某某"
    assert mask_name("王小明") == "王某某"
    assert mask_name("欧阳娜娜") == "欧阳某某"
    assert mask_name("买买提·艾力") == "买某某"
    assert mask_name(" 李四 ") == " 李某某 "


def test_organisations_and_masked_names_stay() -> None:
    for name in (
        "某建筑公司",
        "庆阳市西峰区农村信用社",
        "中国农业银行庆阳分行",
        "西峰区自来水厂",
        "王某某",
        "李某",
    ):
        assert mask_name(name) == name


def test_a_case_s_parties() -> None:
    assert mask_parties("王五;李某某；某置业公司、赵六") == "王某某;李某某；某置业公司、赵某某"
    assert mask_parties("") == ""


@given(PERSON)
def test_a_person_s_name_keeps_only_the_surname(name: str) -> None:
    masked = mask_name(name)
    surname = name[:2] if name[:2] in COMPOUND_SURNAMES and len(name) > 2 else name[:1]
    if (
        masked != name
    ):  # an organisation's word in four characters (e.g. 中心) keeps it: the name is not a person's
        assert masked == surname + MASK
    assert mask_name(masked) == masked  # masking twice changes nothing


@given(st.lists(PERSON, min_size=1, max_size=6), st.data())
def test_the_list_keeps_its_parties_and_separators(names: list[str], data: st.DataObject) -> None:
    separators = [data.draw(SEPARATOR) for _ in names[1:]]
    parties = names[0] + "".join(sep + name for sep, name in zip(separators, names[1:], strict=True))
    masked = mask_parties(parties)
    assert [c for c in masked if c in ";；、,，"] == separators
    assert mask_parties(masked) == masked
    pieces = masked
    for name, sep in zip(names, [*separators, ""], strict=True):
        assert pieces.startswith(mask_name(name) + sep)
        pieces = pieces[len(mask_name(name) + sep) :]
