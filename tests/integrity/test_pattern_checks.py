"""The checks across many cases: a burst of closures before a bulletin (mass_closure), a judge whose share of
deducted time stands far above the court's (outlier_share); and the parties compared however they are written."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from qingji.integrity.closure_bursts import key_dates
from qingji.integrity.findings import Check
from qingji.integrity.parties import parties_key

from .planted import planted

AS_OF = date(2026, 6, 30)


def test_a_burst_of_withdrawals_before_a_bulletin(tmp_path: Path) -> None:
    court = planted()
    n = 0
    # the usual: a closing by judgment every ten days over the half year before
    for day in range(0, 180, 10):
        n += 1
        closed = date(2025, 12, 1) + timedelta(days=day)
        court.case(f"（2025）甘1002民初{n}号", "2025-09-01", str(closed), "判决", judge="李法官")
    burst = []
    for k in range(12):  # twelve withdrawals in the five days before the bulletin of 2026-06-11
        n += 1
        number = f"（2025）甘1002民初{n}号"
        burst.append(number)
        court.case(
            number, "2026-01-05", str(date(2026, 6, 6) + timedelta(days=k % 5)), "撤诉", judge="李法官"
        )
    report, _ = court.check(tmp_path, AS_OF)
    assert {f.case_number for f in report.findings if f.check is Check.MASS_CLOSURE} == set(burst)
    assert {f.check for f in report.findings} == {Check.MASS_CLOSURE}
    finding = report.findings[0]
    assert finding.judge == "李法官"
    assert finding.evidence["key_date"] == "2026-06-11" and finding.evidence["closures"] == 12
    assert finding.evidence["by_method"] == {"撤诉": 12}
    # the same burst closed by judgments is work, not a tell
    for row in court.cases:
        if row["案号"] in burst:
            row["结案方式"] = "判决"
    report, _ = court.check(tmp_path, AS_OF)
    assert report.findings == ()


def test_key_dates_are_the_bulletin_days_of_the_last_year() -> None:
    days = key_dates(date(2026, 6, 30), (1, 11, 21), [date(2026, 6, 15), date(2020, 1, 1)])
    assert days[0] == date(2025, 6, 1) and days[-1] == date(2026, 6, 21)
    assert date(2026, 6, 15) in days and date(2020, 1, 1) not in days
    assert len(days) == 13 * 3 + 1


def test_a_judge_far_above_the_courts_share_of_deducted_time(tmp_path: Path) -> None:
    court = planted()
    for j, judge in enumerate(("甲法官", "乙法官", "丙法官", "丁法官")):
        for k in range(1, 23):
            number = f"（2025）甘1002民初{j * 100 + k}号"
            court.case(number, "2025-09-01", "2026-01-30", "判决", judge=judge)
            if judge == "丁法官":  # 60 of 152 days deducted on every case
                court.event(number, "扣除审限", "鉴定", "2025-10-01", "2025-11-29")
    report, _ = court.check(tmp_path, AS_OF)
    outliers = [f for f in report.findings if f.check is Check.OUTLIER_SHARE]
    assert [(f.court_code, f.judge, f.case_number) for f in outliers] == [("甘1002", "丁法官", None)]
    evidence = outliers[0].evidence
    assert evidence["cases"] == 22 and isinstance(evidence["share"], float) and evidence["share"] > 0.3
    assert isinstance(evidence["top_cases"], list) and len(evidence["top_cases"]) == 20


_NAMES = st.lists(
    st.sampled_from(["张某某", "甲公司", "李四", "乙银行(原丙社)", "Ａ公司"]), min_size=1, max_size=4
)


@given(_NAMES, st.randoms())
def test_parties_compare_however_written(names: list[str], rnd) -> None:  # type: ignore[no-untyped-def]
    """Order, separators, spaces, full or half width, 某 or 某某 and a role prefix do not change the key."""
    shuffled = names[:]
    rnd.shuffle(shuffled)

    def rewrite(name: str) -> str:
        name = name.replace("某某", "某") if rnd.random() < 0.5 else name
        name = name.replace("(", "（").replace(")", "）").replace("Ａ", "A") if rnd.random() < 0.5 else name
        return (rnd.choice(["", "原告：", "被告:"]) + " ".join(name)) if rnd.random() < 0.5 else name

    written = rnd.choice(["；", ";", "，", "、"]).join(rewrite(n) for n in shuffled)
    assert parties_key(written) == parties_key(";".join(names))


def test_different_parties_differ() -> None:
    assert parties_key("张某;甲公司") != parties_key("李某;甲公司")
    assert parties_key("") is None and parties_key(None) is None


def test_only_parties_with_a_name_unmasked_identify_a_dispute(tmp_path: Path) -> None:
    from qingji.integrity.parties import identifiable

    assert identifiable(parties_key("某银行;张某")) is False  # fits a great many disputes
    assert identifiable(parties_key("甘肃某某银行;张某")) is False
    assert identifiable(parties_key("庆阳华瑞商贸有限公司;张某")) is True
    court = planted()
    court.case("（2025）甘1002民初1号", "2025-10-10", parties="某银行;张某")
    court.case("（2025）甘1002民初2号", "2025-10-10", parties="某银行;张某某")
    report, _ = court.check(tmp_path, AS_OF)
    assert report.findings == ()


def test_every_check_has_its_words_in_both_languages() -> None:
    from qingji.integrity.findings import CHECKS

    assert set(CHECKS) == set(Check)
    for info in CHECKS.values():
        assert info.zh and info.en and info.short_zh and info.short_en and info.rule
        assert len(info.short_zh) <= 5 < len(info.zh)  # a column head, the name in full beside it
