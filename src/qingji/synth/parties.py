"""Parties (当事人), written as an export shows them: anonymised names separated by semicolons.

A person is a surname with 某 or 某某 (王某某); companies, lenders and insurers are 某建筑公司, 某银行 …; the state
parties are real institution names of the court's place (庆阳市西峰区人民检察院, 环县自然资源局). Each case's
template (causes.py) says which slots it has; all cases are filled at once from one vocabulary.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
import polars as pl

from qingji.synth.people import COURTS, SURNAMES
from qingji.synth.sampling import IntArray, categorical, choice

COMPANIES = (
    "某建筑公司", "某置业公司", "某商贸公司", "某农业发展公司", "某运输公司", "某物业公司", "某房地产开发公司",
    "某劳务公司", "某石油技术服务公司", "某能源公司", "某汽车销售公司", "某机械租赁公司", "某养殖专业合作社",
    "某建材公司", "某餐饮公司", "某工程公司", "某供热公司", "某科技公司", "某果业公司", "某路桥公司",
)  # fmt: skip
LENDERS = ("某银行", "某农村商业银行", "某村镇银行", "某农村信用合作联社", "某小额贷款公司", "某融资担保公司")
INSURERS = ("某保险公司", "某财产保险公司", "某财产保险股份有限公司庆阳中心支公司")
HOSPITALS = ("某医院", "某卫生院", "某中医医院")
VILLAGES = ("某村民委员会",)
TOWNS = ("某镇人民政府", "某乡人民政府")
AGENCIES = (
    "自然资源局",
    "人力资源和社会保障局",
    "市场监督管理局",
    "住房和城乡建设局",
    "农业农村局",
    "公安局",
    "应急管理局",
)

TOKENS = ("P", "C", "B", "I", "H", "V", "PROC", "APROC", "GOV", "AGOV", "CGOV", "TOWN")
MAX_SLOTS = 4


def _police(locality: str) -> str:
    if locality.startswith("庆阳市") and locality != "庆阳市":
        return f"庆阳市公安局{locality.removeprefix('庆阳市').removesuffix('区')}分局"
    return f"{locality}公安局"


def _agencies(locality: str) -> list[str]:
    return [_police(locality) if a == "公安局" else locality + a for a in AGENCIES]


class Vocabulary:
    """Every party string, with the index ranges the samplers draw from (index 0 is an empty slot)."""

    def __init__(self) -> None:
        self.words: list[str | None] = [None]
        surnames = list(SURNAMES)
        self.surname_weights = np.array([SURNAMES[s] for s in surnames], dtype=np.float64)
        self.persons = self._add([s + suffix for s in surnames for suffix in ("某", "某某")])
        self.companies = self._add(list(COMPANIES))
        self.lenders = self._add(list(LENDERS))
        self.insurers = self._add(list(INSURERS))
        self.hospitals = self._add(list(HOSPITALS))
        self.villages = self._add(list(VILLAGES))
        self.towns = self._add(list(TOWNS))
        self.procuratorates = self._add([court.procuratorate for court in COURTS])
        self.basic_courts = np.array([i for i, court in enumerate(COURTS) if court.basic], dtype=np.int64)
        self.agencies = self._add([a for court in COURTS for a in _agencies(court.locality)])
        governments = [f"{court.locality}人民政府" for court in COURTS if court.basic] + ["庆阳市人民政府"]
        self.governments = self._add(governments)

    def _add(self, words: Sequence[str]) -> int:
        start = len(self.words)
        self.words.extend(words)
        return start

    def ranges(self) -> dict[int, tuple[int, int]]:
        """(first word, number of words) of the tokens drawn from a list."""
        spans = {
            "P": (self.persons, 2 * len(SURNAMES)),
            "C": (self.companies, len(COMPANIES)),
            "B": (self.lenders, len(LENDERS)),
            "I": (self.insurers, len(INSURERS)),
            "H": (self.hospitals, len(HOSPITALS)),
        }
        return {TOKENS.index(token): span for token, span in spans.items()}

    def series(self) -> pl.Series:
        return pl.Series("words", self.words, dtype=pl.String)


Sampler = Callable[[np.random.Generator, IntArray], IntArray]


def _samplers(v: Vocabulary) -> dict[str, Sampler]:
    per_court = len(AGENCIES)

    def pick(start: int, count: int, weights: Sequence[float] | None = None) -> Sampler:
        w = list(weights) if weights is not None else [1.0] * count
        return lambda rng, court: start + choice(rng, len(court), w)

    def person(rng: np.random.Generator, court: IntArray) -> IntArray:
        surname = choice(rng, len(court), v.surname_weights.tolist())
        return v.persons + 2 * surname + (rng.random(len(court)) < 0.45)

    def agency(rng: np.random.Generator, court: IntArray) -> IntArray:
        weights = [3, 4, 4, 2, 2, 3, 1]
        return v.agencies + court * per_court + choice(rng, len(court), weights)

    def any_agency(rng: np.random.Generator, court: IntArray) -> IntArray:
        basic = v.basic_courts[rng.integers(0, len(v.basic_courts), len(court))]
        return agency(rng, basic)

    def any_procuratorate(rng: np.random.Generator, court: IntArray) -> IntArray:
        return v.procuratorates + v.basic_courts[rng.integers(0, len(v.basic_courts), len(court))]

    n_gov = len(v.words) - v.governments
    return {
        "P": person,
        "C": pick(v.companies, len(COMPANIES)),
        "B": pick(v.lenders, len(LENDERS), [5, 5, 2, 2, 1.5, 1]),
        "I": pick(v.insurers, len(INSURERS), [4, 3, 1]),
        "H": pick(v.hospitals, len(HOSPITALS)),
        "V": pick(v.villages, len(VILLAGES)),
        "TOWN": pick(v.towns, len(TOWNS), [3, 1]),
        "PROC": lambda rng, court: v.procuratorates + court,
        "APROC": any_procuratorate,
        "GOV": agency,
        "AGOV": any_agency,
        "CGOV": pick(v.governments, n_gov, [1.0] * (n_gov - 1) + [0.3]),
    }


def template_slots(templates: Sequence[str]) -> IntArray:
    """Token numbers (index into TOKENS, -1 for none) of each template's slots."""
    slots = np.full((len(templates), MAX_SLOTS), -1, dtype=np.int64)
    for row, template in enumerate(templates):
        for col, token in enumerate(template.split(";")):
            slots[row, col] = TOKENS.index(token)
    return slots


def parties(
    rng: np.random.Generator,
    cause_templates: Sequence[Sequence[str]],
    cause: IntArray,
    court: IntArray,
) -> pl.Series:
    """The 当事人 string of every case, from its cause's templates and its court."""
    templates = sorted({t for options in cause_templates for t in options})
    template_ids = [[templates.index(t) for t in options] for options in cause_templates]
    local = categorical(rng, cause, [[1.0] * len(ids) for ids in template_ids])
    offsets = np.cumsum([0] + [len(ids) for ids in template_ids])
    flat = np.array([i for ids in template_ids for i in ids], dtype=np.int64)
    template = flat[offsets[cause] + local]
    slots = template_slots(templates)[template]
    vocabulary = Vocabulary()
    samplers = _samplers(vocabulary)
    words = np.zeros(slots.shape, dtype=np.int64)
    for col in range(MAX_SLOTS):
        for number, token in enumerate(TOKENS):
            rows = np.flatnonzero(slots[:, col] == number)
            if len(rows):
                words[rows, col] = samplers[token](rng, court[rows])
    _separate(words, slots, vocabulary.ranges())
    table = vocabulary.series()
    columns = [table.gather(words[:, col]) for col in range(MAX_SLOTS)]
    frame = pl.DataFrame({f"s{i}": s for i, s in enumerate(columns)})
    return frame.select(
        pl.concat_str([pl.col(f"s{i}") for i in range(MAX_SLOTS)], separator=";", ignore_nulls=True)
    ).to_series()


def _separate(words: IntArray, slots: IntArray, ranges: dict[int, tuple[int, int]]) -> None:
    """Two parties of one case never read the same: 王某;王某 becomes 王某;王某某, 某银行;某银行 becomes
    某银行;某农村商业银行. ``ranges`` gives, per token number, the words it draws from (start, count)."""
    person = TOKENS.index("P")
    for col in range(1, MAX_SLOTS):
        for attempt in range(4):
            clash = np.zeros(len(words), dtype=np.bool_)
            for before in range(col):
                clash |= words[:, col] == words[:, before]
            clash &= slots[:, col] >= 0
            if not clash.any():
                break
            for token, (start, count) in ranges.items():
                rows = clash & (slots[:, col] == token)
                offset = words[rows, col] - start
                if token == person and attempt == 0:
                    offset ^= 1  # the other suffix of the same surname
                else:
                    offset = (offset + (2 if token == person else 1)) % count
                words[rows, col] = start + offset
