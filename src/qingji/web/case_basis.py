"""A step's legal basis in words: the core cites laws by their short names (``CPL 152``, ``CrPL 105(4)``,
``2000-Prov Art. 9(2)``, the conventions ``C6``), as the rule base does; a page names the law and the article in
the reader's language (《民事诉讼法》第152条 / Civil Procedure Law, art. 152). Sources: rules/trial-periods.md,
"How the sources were read" and §4.2."""

from __future__ import annotations

import re

# Short name → (Chinese, English). Longest first, so that "CPL-Interp" is not read as "CPL".
LAWS: dict[str, tuple[str, str]] = {
    "CrPL-Interp": ("《刑诉法解释》", "SPC Interpretation of the Criminal Procedure Law"),
    "CPL-Interp": ("《民诉法解释》", "SPC Interpretation of the Civil Procedure Law"),
    "ALL-Interp": ("《行诉法解释》", "SPC Interpretation of the Administrative Litigation Law"),
    "Exec-Work-Prov": ("《最高人民法院关于人民法院执行工作若干问题的规定（试行）》", "SPC Provisions on Execution Work"),
    "Exec-Interp": ("《最高人民法院关于适用〈民事诉讼法〉执行程序若干问题的解释》", "SPC Interpretation on the Execution Procedure"),
    "2000-Prov": ("《最高人民法院关于严格执行案件审理期限制度的若干规定》", "SPC Provisions on Strictly Enforcing Trial Periods (2000)"),
    "2019-Prov": ("《最高人民法院关于严格规范民商事案件延长审限和延期开庭问题的规定》", "SPC Provisions on Extending Trial Periods and Postponing Hearings (2018, amended 2019)"),
    "SPC 2017 supervision rules": ("《最高人民法院关于国家赔偿监督程序若干问题的规定》", "SPC Rules on the State Compensation Supervision Procedure (2017)"),
    "2006 rule": ("《最高人民法院关于刑事再审案件开庭审理程序的具体规定（试行）》", "SPC Rules on Hearings in Criminal Retrials (2006)"),
    "CrPL": ("《刑事诉讼法》", "Criminal Procedure Law"),
    "CPL": ("《民事诉讼法》", "Civil Procedure Law"),
    "ALL": ("《行政诉讼法》", "Administrative Litigation Law"),
    "SCL": ("《国家赔偿法》", "State Compensation Law"),
    "EBL": ("《企业破产法》", "Enterprise Bankruptcy Law"),
}  # fmt: skip

# The conventions of rules/trial-periods.md §4.2: where the law is silent, the choice the software makes.
CONVENTIONS: dict[str, tuple[str, str]] = {
    "C1": ("起算日", "the first day"),
    "C2": ("按月计算", "counting months"),
    "C3": ("按日计算", "counting days"),
    "C4": ("延长期间自起算日累计", "extensions counted from the first day"),
    "C5": ("扣除期间首尾两日均计", "deductions count their first and last day"),
    "C6": ("期间届满日遇休息日顺延", "a last day on a rest day moves to the next working day"),
    "C7": ("重新计算时此前期间不计", "a restart discards the days before it"),
    "C8": ("届满日当日结案为审限内", "closing on the last day is in time"),
    "C9": ("审理天数不计立案当日", "days to close do not count the filing day"),
    "C10": ("长期未结按毛天数", "long-pending by gross age"),
}

# Other words the rule table writes beside its citations.
PHRASES: dict[str, tuple[str, str]] = {
    "president or vice-president": ("院长或副院长批准", "president or vice-president"),
    "further extensions reported to the High Court": (
        "再延长报高级法院",
        "further extensions to the High Court",
    ),
    "extension by the High Court": ("高级法院批准延长", "extension by the High Court"),
    "defendant not in custody": ("被告人未被羁押", "defendant not in custody"),
    "extension length unstated": ("延长期间未载明", "extension length not stated"),
    "no extension; convert to ordinary": (
        "不得延长，可转为普通程序",
        "no extension; convert to ordinary procedure",
    ),
    "as ordinary procedure": ("按普通程序", "as ordinary procedure"),
    "as public prosecution": ("按公诉案件", "as public prosecution"),
    "total ≤ 4 months": ("总审限不超过4个月", "total at most 4 months"),
    "up to 1.5 months": ("最长1个半月", "up to 1.5 months"),
    "up to 15 days": ("最长15日", "up to 15 days"),
    "no statutory period found": ("未见法定审限", "no statutory period found"),
    "no overall limit": ("无总期限", "no overall limit"),
    "no overall period": ("无总期限", "no overall period"),
    "by analogy": ("参照", "by analogy"),
    "treated like": ("参照", "treated like"),
    "UNCONFIRMED": ("待确认", "unconfirmed"),
    "CONVENTION": ("本系统约定", "convention"),
    "rules §6.3": ("类型代字与适用程序对照", "type codes and procedures"),
    "item": ("第", "item"),
    "as": ("按", "as"),
}

_LAW = "|".join(re.escape(name) for name in LAWS)
_CITATION = re.compile(
    rf"(?P<law>{_LAW})(?:\s+(?:Art\.\s*|item\s+)?(?P<articles>\d+(?:\(\d+\))*(?:,\s*\d+(?:\(\d+\))*)*))?"
)
_CONVENTION = re.compile(r"\bC(?:10|[1-9])\b")
_ARTICLE = re.compile(r"(\d+)((?:\(\d+\))*)")


def _article_zh(law: str, article: str) -> str:
    match = _ARTICLE.fullmatch(article.strip())
    if match is None:
        return article
    number, parts = match.groups()
    subs = re.findall(r"\((\d+)\)", parts)
    # The 2000 provisions' article 9 lists its deductions as items (项); elsewhere a bracket is a paragraph (款).
    if law == "2000-Prov":
        tail = "".join(f"（{n}）" for n in subs) + ("项" if subs else "")
        return f"第{number}条" + (f"第{tail}" if subs else "")
    return f"第{number}条" + "".join(f"第{n}款" for n in subs)


def _citation(match: re.Match[str], english: bool) -> str:
    law, articles = match.group("law"), match.group("articles")
    zh, en = LAWS[law]
    if not articles:
        return en if english else zh
    numbers = [a.strip() for a in articles.split(",")]
    if english:
        return f"{en}, art. {', '.join(numbers)}"
    return zh + "、".join(_article_zh(law, n) for n in numbers)


def basis_words(basis: str, *, english: bool) -> str:
    """``basis`` with every citation and convention in words of the page's language."""
    if not basis:
        return ""
    index = 1 if english else 0
    parts = []
    for part in re.split(r";\s*", basis):
        text = _CITATION.sub(lambda m: "\0" + _citation(m, english) + "\0", part)
        text = _CONVENTION.sub(lambda m: "\0" + _convention(m.group(0), english) + "\0", text)
        pieces = text.split("\0")
        # odd pieces are rendered citations; the others may hold the rule table's own phrases
        for i in range(0, len(pieces), 2):
            pieces[i] = _phrases(pieces[i], index)
        parts.append("".join(pieces).strip())
    return ("; " if english else "；").join(part for part in parts if part)


def _convention(code: str, english: bool) -> str:
    zh, en = CONVENTIONS[code]
    return f"convention: {en}" if english else f"计算约定：{zh}"


def _phrases(text: str, index: int) -> str:
    for phrase, words in PHRASES.items():
        text = re.sub(rf"(?<![A-Za-z]){re.escape(phrase)}(?![A-Za-z])", words[index], text)
    text = re.sub(r"\+(\d+) m\b", (lambda m: f"+{m.group(1)}个月") if index == 0 else (r"+\1 months"), text)
    return text.replace("†", "")
