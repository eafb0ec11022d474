"""Causes of action (案由) for each kind of case, with the division that hears them and who the parties are.

Party templates are ``;``-separated slots, several templates ``|``-separated (equally likely):
P a person (王某某), C a company, B a bank or lender, I an insurer, H a hospital, V a village committee,
PROC the procuratorate of the court's county, APROC the procuratorate of any basic court (appeals), GOV an
agency of the court's locality, AGOV an agency of any county, CGOV a county government, TOWN a township
government. ``custody`` is the chance that the defendant is detained; ``appraisal`` picks the notes of an
appraisal (鉴定) deduction; ``notice`` is a public notice the case cannot do without (民特: 3 months to
declare a person missing, a year to declare death).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Cause:
    name: str  # "" when the export leaves 案由 empty
    weight: float
    division: str
    parties: tuple[str, ...]
    custody: float = 0.0
    appraisal: str = ""
    notice: int = 0


def c(
    name: str,
    weight: float,
    division: str,
    parties: str,
    *,
    custody: float = 0.0,
    appraisal: str = "",
    notice: int = 0,
) -> Cause:
    return Cause(name, weight, division, tuple(parties.split("|")), custody, appraisal, notice)


M1, M2 = "民一庭", "民二庭"
CRIM, ADMIN, EXEC = "刑事审判庭", "行政审判庭", "执行局"
C1, C2 = "刑一庭", "刑二庭"  # the intermediate court's criminal divisions

CIVIL_SIMPLE: tuple[Cause, ...] = (
    c("民间借贷纠纷", 16, M2, "P;P|P;P|P;P;P|C;P", appraisal="signature"),
    c("离婚纠纷", 14, M1, "P;P"),
    c("买卖合同纠纷", 9, M2, "P;P|C;P|C;C|P;C"),
    c("机动车交通事故责任纠纷", 8, M1, "P;P;I|P;I|P;C;I", appraisal="injury"),
    c("金融借款合同纠纷", 6, M2, "B;P|B;P;P|B;C"),
    c("信用卡纠纷", 3, M2, "B;P"),
    c("劳务合同纠纷", 4, M1, "P;P|P;C"),
    c("追索劳动报酬纠纷", 3, M1, "P;C|P;P|P;P;C"),
    c("提供劳务者受害责任纠纷", 2, M1, "P;P|P;P;C", appraisal="injury"),
    c("婚约财产纠纷", 3, M1, "P;P|P;P;P"),
    c("离婚后财产纠纷", 1.5, M1, "P;P"),
    c("抚养纠纷", 1.5, M1, "P;P"),
    c("赡养纠纷", 1.5, M1, "P;P|P;P;P"),
    c("继承纠纷", 1, M1, "P;P;P|P;P"),
    c("生命权、身体权、健康权纠纷", 3, M1, "P;P", appraisal="injury"),
    c("相邻关系纠纷", 1, M1, "P;P"),
    c("排除妨害纠纷", 1, M1, "P;P|V;P"),
    c("土地承包经营权纠纷", 1.5, M1, "P;V|P;P"),
    c("房屋租赁合同纠纷", 1.5, M2, "P;P|C;P|P;C"),
    c("物业服务合同纠纷", 2, M2, "C;P"),
    c("租赁合同纠纷", 1, M2, "C;P|P;P|C;C"),
    c("追偿权纠纷", 1.5, M2, "C;P|P;P|B;P"),
    c("不当得利纠纷", 1, M2, "P;P"),
    c("合同纠纷", 1.5, M2, "P;P|C;P|C;C"),
    c("劳动争议", 1.5, M1, "P;C|C;P"),
    c("供用热力合同纠纷", 1, M2, "C;P"),
)

SMALL_CLAIMS: tuple[Cause, ...] = (
    c("信用卡纠纷", 15, M2, "B;P"),
    c("金融借款合同纠纷", 15, M2, "B;P"),
    c("物业服务合同纠纷", 14, M2, "C;P"),
    c("供用热力合同纠纷", 8, M2, "C;P"),
    c("民间借贷纠纷", 18, M2, "P;P"),
    c("买卖合同纠纷", 12, M2, "P;P|C;P"),
    c("追索劳动报酬纠纷", 8, M1, "P;C|P;P"),
    c("电信服务合同纠纷", 3, M2, "C;P"),
    c("房屋租赁合同纠纷", 4, M2, "P;P"),
    c("小额借款合同纠纷", 3, M2, "B;P"),
)

CIVIL_ORDINARY: tuple[Cause, ...] = (
    c("民间借贷纠纷", 15, M2, "P;P|P;P;P|C;P|P;C", appraisal="signature"),
    c("建设工程施工合同纠纷", 8, M2, "C;C|P;C|P;C;C", appraisal="construction"),
    c("买卖合同纠纷", 10, M2, "C;C|C;P|P;C|P;P"),
    c("机动车交通事故责任纠纷", 10, M1, "P;P;I|P;C;I|P;P;C;I", appraisal="injury"),
    c("金融借款合同纠纷", 6, M2, "B;C;P|B;P;P|B;C"),
    c("离婚纠纷", 8, M1, "P;P"),
    c("生命权、身体权、健康权纠纷", 5, M1, "P;P|P;P;P", appraisal="injury"),
    c("医疗损害责任纠纷", 2, M1, "P;H|P;P;H", appraisal="medical"),
    c("提供劳务者受害责任纠纷", 4, M1, "P;P|P;P;C", appraisal="injury"),
    c("房屋买卖合同纠纷", 3, M2, "P;P|P;C"),
    c("商品房预售合同纠纷", 2, M2, "P;C"),
    c("劳动争议", 3, M1, "P;C|C;P"),
    c("继承纠纷", 2, M1, "P;P;P|P;P"),
    c("土地承包经营权纠纷", 2, M1, "P;V|P;P"),
    c("合伙合同纠纷", 2, M2, "P;P|P;P;P"),
    c("股权转让纠纷", 1, M2, "P;P|P;C|C;P"),
    c("案外人执行异议之诉", 1.5, M2, "P;B;P|P;P;P"),
    c("追偿权纠纷", 2, M2, "C;P;P|P;P"),
    c("保证合同纠纷", 1.5, M2, "B;P;P|C;P"),
    c("财产损害赔偿纠纷", 2, M1, "P;P|C;P|P;C", appraisal="valuation"),
    c("建设工程分包合同纠纷", 1, M2, "C;C|P;C", appraisal="construction"),
    c("确认合同无效纠纷", 1, M2, "P;P|C;P"),
    c("侵权责任纠纷", 1, M1, "P;P|P;C"),
)

FOREIGN: tuple[Cause, ...] = (
    c("民间借贷纠纷", 3, M2, "P;P"),
    c("买卖合同纠纷", 3, M2, "C;C|P;C"),
    c("离婚纠纷", 3, M1, "P;P"),
)

CIVIL_FIRST_INTERMEDIATE: tuple[Cause, ...] = (
    c("建设工程施工合同纠纷", 20, M2, "C;C|P;C;C", appraisal="construction"),
    c("金融借款合同纠纷", 14, M2, "B;C;P|B;C;C"),
    c("民间借贷纠纷", 12, M2, "P;P;P|P;C|C;C", appraisal="signature"),
    c("买卖合同纠纷", 10, M2, "C;C"),
    c("股权转让纠纷", 6, M2, "P;P;C|C;P"),
    c("合资、合作开发房地产合同纠纷", 4, M2, "C;C"),
    c("侵害商标权纠纷", 4, M2, "C;C|C;P"),
    c("侵害作品信息网络传播权纠纷", 3, M2, "C;C"),
    c("损害公司利益责任纠纷", 3, M2, "C;P;P"),
    c("破产债权确认纠纷", 3, M2, "C;C|P;C"),
    c("建设用地使用权出让合同纠纷", 3, M2, "C;GOV"),
    c("委托合同纠纷", 3, M2, "C;C|P;C"),
    c("融资租赁合同纠纷", 3, M2, "C;C;P"),
    c("案外人执行异议之诉", 3, M2, "C;B;C|P;C;C"),
    c("医疗损害责任纠纷", 2, M1, "P;H", appraisal="medical"),
    c("生命权、身体权、健康权纠纷", 2, M1, "P;C|P;P;C", appraisal="injury"),
)

APPEAL_CIVIL: tuple[Cause, ...] = (
    c("民间借贷纠纷", 14, M2, "P;P|P;P;P|C;P", appraisal="signature"),
    c("买卖合同纠纷", 10, M2, "C;C|C;P|P;C"),
    c("机动车交通事故责任纠纷", 9, M1, "I;P;P|P;P;I|C;P;I", appraisal="injury"),
    c("建设工程施工合同纠纷", 7, M2, "C;C|P;C;C", appraisal="construction"),
    c("离婚纠纷", 5, M1, "P;P"),
    c("劳动争议", 5, M1, "C;P|P;C"),
    c("金融借款合同纠纷", 4, M2, "P;B|C;B"),
    c("生命权、身体权、健康权纠纷", 4, M1, "P;P", appraisal="injury"),
    c("提供劳务者受害责任纠纷", 3, M1, "P;P|C;P", appraisal="injury"),
    c("房屋买卖合同纠纷", 3, M2, "P;P|C;P"),
    c("婚约财产纠纷", 2, M1, "P;P"),
    c("继承纠纷", 2, M1, "P;P;P"),
    c("土地承包经营权纠纷", 2, M1, "P;V|V;P"),
    c("劳务合同纠纷", 3, M1, "P;P|C;P"),
    c("追索劳动报酬纠纷", 2, M1, "C;P|P;C"),
    c("合伙合同纠纷", 2, M2, "P;P"),
    c("物业服务合同纠纷", 1, M2, "P;C"),
    c("排除妨害纠纷", 1, M1, "P;P"),
    c("相邻关系纠纷", 1, M1, "P;P"),
    c("财产损害赔偿纠纷", 2, M1, "P;P|C;P"),
    c("案外人执行异议之诉", 2, M2, "P;B;P|P;P;P"),
    c("追偿权纠纷", 2, M2, "P;C|P;P"),
    c("商品房预售合同纠纷", 2, M2, "C;P|P;C"),
    c("医疗损害责任纠纷", 1, M1, "H;P|P;H", appraisal="medical"),
)

SPECIAL: tuple[Cause, ...] = (
    c("申请司法确认调解协议", 60, M1, "P;P|P;C"),
    c("申请实现担保物权", 10, M2, "B;P|C;P"),
    c("申请认定自然人无民事行为能力", 10, M1, "P;P"),
    c("申请宣告自然人失踪", 6, M1, "P;P", notice=90),
    c("申请宣告自然人死亡", 5, M1, "P;P", notice=365),
    c("申请认定自然人限制民事行为能力", 5, M1, "P;P"),
    c("申请撤销监护人资格", 2, M1, "V;P|P;P"),
    c("申请认定财产无主", 1, M1, "P|TOWN", notice=365),
)

_ENFORCEMENT_PARTIES = "P;P|P;P|B;P|C;P|P;C|C;C|B;C|P;P;P"
ENFORCEMENT: tuple[Cause, ...] = (
    c("", 60, EXEC, _ENFORCEMENT_PARTIES),
    c("民间借贷纠纷", 12, EXEC, "P;P|P;P;P"),
    c("金融借款合同纠纷", 8, EXEC, "B;P|B;P;P|B;C"),
    c("买卖合同纠纷", 6, EXEC, "C;P|P;P|C;C"),
    c("机动车交通事故责任纠纷", 4, EXEC, "P;P"),
    c("离婚纠纷", 1.5, EXEC, "P;P"),
    c("劳务合同纠纷", 2, EXEC, "P;P|P;C"),
    c("追索劳动报酬纠纷", 2.5, EXEC, "P;C|P;P"),
    c("建设工程施工合同纠纷", 2, EXEC, "C;C|P;C"),
    c("物业服务合同纠纷", 2, EXEC, "C;P"),
)

NON_LITIGATION: tuple[Cause, ...] = (c("", 1, EXEC, "GOV;C|GOV;P|GOV;C|GOV;P;P"),)

OBJECTION: tuple[Cause, ...] = (
    c("案外人执行异议", 45, EXEC, "P;B;P|P;P;P|C;C;C"),
    c("执行行为异议", 55, EXEC, "P;P|C;B|P;C"),
)

CRIMINAL_ORDINARY: tuple[Cause, ...] = (
    c("盗窃罪", 14, CRIM, "PROC;P|PROC;P;P", custody=0.85),
    c("诈骗罪", 10, CRIM, "PROC;P|PROC;P;P", custody=0.85),
    c("故意伤害罪", 10, CRIM, "PROC;P|PROC;P;P", custody=0.7),
    c("帮助信息网络犯罪活动罪", 10, CRIM, "PROC;P|PROC;P;P", custody=0.7),
    c("交通肇事罪", 6, CRIM, "PROC;P", custody=0.35),
    c("危险驾驶罪", 4, CRIM, "PROC;P", custody=0.1),
    c("掩饰、隐瞒犯罪所得、犯罪所得收益罪", 5, CRIM, "PROC;P|PROC;P;P", custody=0.6),
    c("寻衅滋事罪", 5, CRIM, "PROC;P;P|PROC;P", custody=0.8),
    c("开设赌场罪", 5, CRIM, "PROC;P;P|PROC;P;P;P", custody=0.7),
    c("非法吸收公众存款罪", 3, CRIM, "PROC;P;P;P|PROC;P", custody=0.8),
    c("贩卖毒品罪", 3, CRIM, "PROC;P", custody=0.97),
    c("强奸罪", 2, CRIM, "PROC;P", custody=0.97),
    c("抢劫罪", 2, CRIM, "PROC;P|PROC;P;P", custody=0.97),
    c("妨害公务罪", 2, CRIM, "PROC;P", custody=0.6),
    c("拒不执行判决、裁定罪", 3, CRIM, "PROC;P", custody=0.5),
    c("滥伐林木罪", 2, CRIM, "PROC;P", custody=0.1),
    c("非法占用农用地罪", 2, CRIM, "PROC;P", custody=0.1),
    c("聚众斗殴罪", 2, CRIM, "PROC;P;P;P|PROC;P;P", custody=0.8),
    c("失火罪", 1, CRIM, "PROC;P", custody=0.2),
    c("故意毁坏财物罪", 1, CRIM, "PROC;P", custody=0.5),
    c("重大责任事故罪", 1, CRIM, "PROC;P|PROC;P;P", custody=0.2),
    c("组织、领导传销活动罪", 1, CRIM, "PROC;P;P", custody=0.9),
    c("职务侵占罪", 1, CRIM, "PROC;P", custody=0.6),
    c("非法狩猎罪", 1, CRIM, "PROC;P", custody=0.1),
)

CRIMINAL_SIMPLE: tuple[Cause, ...] = (
    c("危险驾驶罪", 25, CRIM, "PROC;P", custody=0.15),
    c("盗窃罪", 18, CRIM, "PROC;P|PROC;P;P", custody=0.75),
    c("帮助信息网络犯罪活动罪", 10, CRIM, "PROC;P", custody=0.7),
    c("交通肇事罪", 8, CRIM, "PROC;P", custody=0.2),
    c("故意伤害罪", 8, CRIM, "PROC;P", custody=0.5),
    c("诈骗罪", 6, CRIM, "PROC;P", custody=0.7),
    c("掩饰、隐瞒犯罪所得、犯罪所得收益罪", 4, CRIM, "PROC;P", custody=0.5),
    c("开设赌场罪", 4, CRIM, "PROC;P;P|PROC;P", custody=0.5),
    c("寻衅滋事罪", 3, CRIM, "PROC;P", custody=0.6),
    c("拒不执行判决、裁定罪", 3, CRIM, "PROC;P", custody=0.3),
    c("滥伐林木罪", 2, CRIM, "PROC;P"),
    c("非法狩猎罪", 2, CRIM, "PROC;P", custody=0.05),
    c("妨害公务罪", 2, CRIM, "PROC;P", custody=0.5),
    c("失火罪", 2, CRIM, "PROC;P", custody=0.1),
)

CRIMINAL_FAST: tuple[Cause, ...] = (
    c("危险驾驶罪", 55, CRIM, "PROC;P", custody=0.1),
    c("盗窃罪", 15, CRIM, "PROC;P", custody=0.65),
    c("帮助信息网络犯罪活动罪", 10, CRIM, "PROC;P", custody=0.6),
    c("交通肇事罪", 5, CRIM, "PROC;P", custody=0.1),
    c("故意伤害罪", 4, CRIM, "PROC;P", custody=0.3),
    c("开设赌场罪", 3, CRIM, "PROC;P", custody=0.4),
    c("妨害公务罪", 3, CRIM, "PROC;P", custody=0.4),
    c("非法狩猎罪", 2, CRIM, "PROC;P", custody=0.05),
    c("掩饰、隐瞒犯罪所得、犯罪所得收益罪", 3, CRIM, "PROC;P", custody=0.4),
)

CRIMINAL_FIRST_INTERMEDIATE: tuple[Cause, ...] = (
    c("故意杀人罪", 15, C1, "PROC;P|PROC;P;P", custody=1.0),
    c("贩卖毒品罪", 15, C1, "PROC;P|PROC;P;P", custody=1.0),
    c("抢劫罪", 8, C1, "PROC;P;P|PROC;P", custody=1.0),
    c("强奸罪", 5, C1, "PROC;P", custody=1.0),
    c("故意伤害罪", 8, C1, "PROC;P|PROC;P;P", custody=1.0),
    c("受贿罪", 12, C2, "PROC;P", custody=0.95),
    c("贪污罪", 8, C2, "PROC;P|PROC;P;P", custody=0.9),
    c("集资诈骗罪", 5, C2, "PROC;P;P|PROC;P", custody=0.95),
    c("非法吸收公众存款罪", 6, C2, "PROC;P;P;P|PROC;P;P", custody=0.9),
    c("组织、领导、参加黑社会性质组织罪", 2, C1, "PROC;P;P;P", custody=1.0),
    c("挪用公款罪", 4, C2, "PROC;P", custody=0.8),
    c("合同诈骗罪", 4, C2, "PROC;P|PROC;P;P", custody=0.9),
    c("生产、销售有毒、有害食品罪", 2, C2, "PROC;P;P", custody=0.7),
)

CRIMINAL_APPEAL: tuple[Cause, ...] = (
    c("故意伤害罪", 12, C1, "APROC;P|APROC;P;P", custody=0.8),
    c("盗窃罪", 10, C2, "APROC;P", custody=0.9),
    c("诈骗罪", 10, C2, "APROC;P|APROC;P;P", custody=0.9),
    c("交通肇事罪", 7, C1, "APROC;P", custody=0.5),
    c("帮助信息网络犯罪活动罪", 6, C2, "APROC;P", custody=0.8),
    c("寻衅滋事罪", 5, C1, "APROC;P;P|APROC;P", custody=0.85),
    c("开设赌场罪", 5, C2, "APROC;P;P", custody=0.8),
    c("非法吸收公众存款罪", 5, C2, "APROC;P;P;P|APROC;P", custody=0.85),
    c("贩卖毒品罪", 5, C1, "APROC;P", custody=1.0),
    c("强奸罪", 3, C1, "APROC;P", custody=1.0),
    c("抢劫罪", 3, C1, "APROC;P", custody=1.0),
    c("聚众斗殴罪", 3, C1, "APROC;P;P;P", custody=0.9),
    c("拒不执行判决、裁定罪", 2, C2, "APROC;P", custody=0.6),
    c("危险驾驶罪", 4, C1, "APROC;P", custody=0.3),
    c("妨害公务罪", 2, C1, "APROC;P", custody=0.7),
    c("职务侵占罪", 2, C2, "APROC;P", custody=0.7),
    c("滥伐林木罪", 1, C2, "APROC;P", custody=0.2),
    c("组织、领导传销活动罪", 2, C2, "APROC;P;P", custody=0.9),
    c("掩饰、隐瞒犯罪所得、犯罪所得收益罪", 3, C2, "APROC;P", custody=0.8),
)

ADMIN_BASIC: tuple[Cause, ...] = (
    c("行政处罚", 25, ADMIN, "P;GOV|C;GOV"),
    c("行政登记", 10, ADMIN, "P;GOV|P;GOV;P"),
    c("行政强制", 10, ADMIN, "P;GOV|P;TOWN|C;GOV"),
    c("行政确认", 10, ADMIN, "C;GOV|P;GOV"),
    c("行政许可", 6, ADMIN, "C;GOV|P;GOV"),
    c("政府信息公开", 8, ADMIN, "P;GOV|P;TOWN"),
    c("行政协议", 6, ADMIN, "P;TOWN|C;GOV"),
    c("行政征收", 5, ADMIN, "P;TOWN|P;GOV"),
    c("行政补偿", 5, ADMIN, "P;TOWN|P;GOV"),
    c("不履行法定职责", 8, ADMIN, "P;GOV|P;TOWN"),
    c("行政给付", 4, ADMIN, "P;GOV"),
    c("行政复议", 3, ADMIN, "P;GOV|C;GOV"),
)

ADMIN_INTERMEDIATE: tuple[Cause, ...] = (
    c("行政征收", 18, ADMIN, "P;CGOV|C;CGOV"),
    c("行政补偿", 14, ADMIN, "P;CGOV|P;P;CGOV"),
    c("行政协议", 12, ADMIN, "C;CGOV|P;CGOV"),
    c("行政复议", 10, ADMIN, "P;CGOV|C;CGOV"),
    c("政府信息公开", 8, ADMIN, "P;CGOV|P;GOV"),
    c("行政强制", 10, ADMIN, "P;CGOV|C;CGOV"),
    c("行政登记", 8, ADMIN, "P;GOV|C;GOV"),
    c("不履行法定职责", 10, ADMIN, "P;CGOV|P;GOV"),
    c("行政处罚", 6, ADMIN, "C;GOV|P;GOV"),
    c("行政许可", 4, ADMIN, "C;GOV"),
)

ADMIN_APPEAL: tuple[Cause, ...] = tuple(
    Cause(cause.name, cause.weight, ADMIN, ("P;AGOV", "C;AGOV", "P;TOWN")) for cause in ADMIN_BASIC
)
