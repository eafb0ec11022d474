"""Courts, divisions and judges of the synthetic court system.

The courts are the Qingyang intermediate court and its eight basic courts from the core (rules §6.2); the High
Court approves extensions but hears no synthetic case. Sizes, rosters and names are invented: every judge's name is
drawn from common surnames and given-name characters, unique across the system.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from qingji.core.courts import COURTS_BY_CODE, QINGYANG_COURTS, CourtLevel
from qingji.synth.sampling import FloatArray, IntArray

HIGH_COURT_NAME = COURTS_BY_CODE["甘"].name  # 甘肃省高级人民法院


def written_name(code: str) -> str:
    """The court's name as a Qingyang export writes it (庆阳市中级人民法院, without the province)."""
    return COURTS_BY_CODE[code].name.removeprefix("甘肃省")


@dataclass(frozen=True)
class SynthCourt:
    code: str
    name: str  # as written in the 法院 column
    level: CourtLevel
    share: float  # share of all cases
    judges: int  # judges on the roster (8–40)
    locality: str  # the place the court serves, as used in agency names
    tribunals: tuple[str, ...]  # 人民法庭 (basic courts only)
    procuratorate: str
    higher: str  # the next-higher court, which approves a second civil or a criminal extension

    @property
    def basic(self) -> bool:
        return self.level is CourtLevel.BASIC


# code: share of cases, judges, locality, people's tribunals
_COURT_FACTS: dict[str, tuple[float, int, str, tuple[str, ...]]] = {
    "甘10": (0.15, 40, "庆阳市", ()),
    "甘1002": (0.22, 34, "庆阳市西峰区", ("董志人民法庭", "肖金人民法庭")),
    "甘1021": (0.10, 19, "庆城县", ("驿马人民法庭",)),
    "甘1022": (0.10, 19, "环县", ("曲子人民法庭", "洪德人民法庭")),
    "甘1023": (0.06, 11, "华池县", ("南梁人民法庭",)),
    "甘1024": (0.07, 13, "合水县", ("太白人民法庭",)),
    "甘1025": (0.07, 13, "正宁县", ("永和人民法庭",)),
    "甘1026": (0.11, 21, "宁县", ("早胜人民法庭",)),
    "甘1027": (0.12, 22, "镇原县", ("屯字人民法庭", "孟坝人民法庭")),
}


def _build_courts() -> tuple[SynthCourt, ...]:
    courts = []
    for court in QINGYANG_COURTS:
        if court.level is CourtLevel.HIGH:
            continue
        share, judges, locality, tribunals = _COURT_FACTS[court.code]
        parent = court.parent or "甘"
        courts.append(
            SynthCourt(
                code=court.code,
                name=written_name(court.code),
                level=court.level,
                share=share,
                judges=judges,
                locality=locality,
                tribunals=tribunals,
                procuratorate=f"{locality}人民检察院",
                higher=HIGH_COURT_NAME if parent == "甘" else written_name(parent),
            )
        )
    return tuple(courts)


COURTS: tuple[SynthCourt, ...] = _build_courts()
INTERMEDIATE = next(i for i, c in enumerate(COURTS) if c.level is CourtLevel.INTERMEDIATE)

# Divisions (审判庭) and the share of a court's judges in each; "人民法庭" stands for the court's tribunals.
TRIBUNAL = "人民法庭"
BASIC_DIVISIONS: dict[str, float] = {
    "民一庭": 0.2, "民二庭": 0.14, "刑事审判庭": 0.12, "行政审判庭": 0.05, "执行局": 0.25, "立案庭": 0.08,
    TRIBUNAL: 0.16,
}  # fmt: skip
INTERMEDIATE_DIVISIONS: dict[str, float] = {
    "民一庭": 0.2, "民二庭": 0.2, "刑一庭": 0.1, "刑二庭": 0.08, "行政审判庭": 0.12, "执行局": 0.17,
    "立案庭": 0.13,
}  # fmt: skip

# Surnames with rough weights: the national top names plus ones common in eastern Gansu (慕, 党, 巩, 席 …).
SURNAMES: dict[str, float] = {
    "王": 9, "李": 8, "张": 8, "刘": 7, "陈": 4, "杨": 5, "赵": 4, "马": 4, "周": 2.5, "吴": 2, "孙": 2.5,
    "朱": 2, "郭": 2.5, "何": 1.5, "高": 2, "罗": 1.2, "胡": 1.5, "徐": 1.5, "魏": 2, "贾": 2, "田": 2,
    "郝": 1.5, "慕": 1.5, "党": 1.5, "路": 1, "常": 1, "曹": 1.5, "冯": 1.2, "任": 1.2, "梁": 1.2, "韩": 1.5,
    "邓": 0.8, "许": 1, "苏": 1, "范": 1, "付": 1, "史": 1, "段": 1, "雷": 1, "岳": 0.8, "巩": 1, "姚": 1,
    "席": 0.8, "薛": 0.8, "白": 1, "景": 0.6, "齐": 0.6, "秦": 0.8, "侯": 0.8, "宋": 1, "董": 1, "袁": 0.8,
    "黄": 1.5, "蒲": 0.6, "师": 0.5, "樊": 0.6, "闫": 1, "包": 0.5, "祁": 0.5, "惠": 0.5, "折": 0.3,
}  # fmt: skip
_MALE_SINGLE = "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宁健亮俊峰浩斌龙林海东昊凯旭晨阳毅锋"
_FEMALE_SINGLE = "芳娟敏静丽艳霞燕玲婷娜琳雪慧洁红梅萍莉倩瑞颖蓉佳珊璐瑶楠"
_MALE_FIRST = "建志文海永国春晓宏小伟俊新卫学立世正振光东子明"
_MALE_SECOND = "军华明峰平强刚斌涛杰龙辉宇鹏亮成林彬龙奇东"
_FEMALE_FIRST = "晓丽雅思佳嘉欣梦雨春秀玉文淑金海小艳"
_FEMALE_SECOND = "霞芳燕红丽琴娟梅萍婷敏玲华琳蓉静倩丹"


@dataclass(frozen=True)
class Roster:
    """All judges: name, court index, division and a relative caseload."""

    names: list[str]
    court: IntArray
    division: list[str]
    load: FloatArray


def division_shares(court: SynthCourt) -> dict[str, float]:
    """Share of the court's judges per division; a basic court's tribunals split the tribunal share."""
    if not court.basic:
        return INTERMEDIATE_DIVISIONS
    shares = {name: share for name, share in BASIC_DIVISIONS.items() if name != TRIBUNAL}
    for tribunal in court.tribunals:
        shares[tribunal] = BASIC_DIVISIONS[TRIBUNAL] / len(court.tribunals)
    return shares


def _allocate(total: int, shares: dict[str, float]) -> dict[str, int]:
    """Judges per division: proportional, at least one each, summing to ``total`` (largest remainder)."""
    names = list(shares)
    weights = np.array([shares[n] for n in names])
    exact = weights / weights.sum() * (total - len(names))
    counts = np.floor(exact).astype(int) + 1
    remainder = total - int(counts.sum())
    for i in np.argsort(-(exact - np.floor(exact)), kind="stable")[:remainder]:
        counts[i] += 1
    return dict(zip(names, counts.tolist(), strict=True))


def judge_name(rng: np.random.Generator, surnames: list[str], weights: FloatArray) -> str:
    surname = surnames[int(rng.choice(len(surnames), p=weights))]
    female = rng.random() < 0.45
    if rng.random() < 0.3:
        pool = _FEMALE_SINGLE if female else _MALE_SINGLE
        return surname + pool[int(rng.integers(len(pool)))]
    first = _FEMALE_FIRST if female else _MALE_FIRST
    second = _FEMALE_SECOND if female else _MALE_SECOND
    a = first[int(rng.integers(len(first)))]
    b = second[int(rng.integers(len(second)))]
    if a == b:
        b = second[(second.index(b) + 1) % len(second)]
    return surname + a + b


def build_roster(rng: np.random.Generator) -> Roster:
    """Every court's judges, by division; names unique across the system."""
    surnames = list(SURNAMES)
    weights = np.array([SURNAMES[s] for s in surnames], dtype=np.float64)
    weights /= weights.sum()
    seen: set[str] = set()
    names: list[str] = []
    courts: list[int] = []
    divisions: list[str] = []
    for index, court in enumerate(COURTS):
        for division, count in _allocate(court.judges, division_shares(court)).items():
            for _ in range(count):
                name = judge_name(rng, surnames, weights)
                while name in seen:
                    name = judge_name(rng, surnames, weights)
                seen.add(name)
                names.append(name)
                courts.append(index)
                divisions.append(division)
    load = rng.gamma(4.0, 1.0, len(names))  # some judges carry more cases than others
    return Roster(names, np.array(courts, dtype=np.int64), divisions, load)
