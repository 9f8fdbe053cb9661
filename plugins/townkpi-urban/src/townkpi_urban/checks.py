"""The urban-governance checks URB101 and URB102.

URB101 compares a rate of handling with the counts found and handled; URB102 compares the things
handled with the things found.

Both compare intervals: a figure stands for every value its writing allows (98.5% for
[98.45, 98.55)%, 2.2万余个 for (22000, 23000) 个), and a finding is reported only when no values
consistent with every figure satisfy the relation.
"""

from __future__ import annotations

from townkpi import PartNotAboveWholeCheck, RateOfCountsCheck
from townkpi_urban.wording import (
    FILLERS,
    FOUND_VERBS,
    HANDLED_VERBS,
    RATES,
    SUBSET_MARKERS,
    TERMS,
)

__all__ = ["HandledAboveFound", "HandlingRateCounts"]


class HandlingRateCounts(RateOfCountsCheck):
    """A rate of handling must agree with the counts of things found and handled.

    整改率, 销号率 and 处置率 give the share of the problems found that were dealt with. When the
    sentence states how many were found and how many handled (累计排摸违法建筑58宗，已处置55宗),
    the second divided by the first must round to the rate: 55 of 58 is 94.83%, so 处置率100%
    cannot be right. When it states the count found but the rate refers to another figure
    (排查问题点位120处，投入资金350万元，问题整改销号率98.5%), the rate needs a whole number
    handled: 98.5% of 120 stands for 118.14 to 118.26 problems, and no whole number lies there
    (118 of 120 is 98.33%, 119 of 120 is 99.17%).

    A rate and the one count it refers to (排查问题点位120处，问题整改销号率98.5%, or
    拆除违法建筑22处，拆除率95.7%) are townkpi's core rate check's (TK101), which reads from the
    same words whether the count is the things found or the things handled; this check does not
    report them again. A rate after a list of counts
    (排查燃气隐患25处、消防隐患37处，隐患整改率98.4%) may be a rate of all of them together and
    is not checked. A count handled that exceeds the count found is URB102's (or, for indicators
    the catalog relates, TK203's).

    反例:
        累计排摸违法建筑58宗，已处置55宗，处置率100%。
        排查问题点位120处，投入资金350万元，问题整改销号率98.5%。

    正例:
        累计排摸违法建筑58宗，已处置55宗，处置率94.8%。
        排查问题点位120处，投入资金350万元，问题整改销号率98.3%。
    """

    code = "URB101"
    name = "urban.handling_rate_counts"
    description = "A rate of handling (整改率, 销号率, 处置率) disagrees with its counts."
    groups = ("urban", "rates")
    rates = RATES
    not_whole_words = HANDLED_VERBS
    not_part_words = FOUND_VERBS
    terms = TERMS


class HandledAboveFound(PartNotAboveWholeCheck):
    """Things handled cannot outnumber the things found in the same statement.

    "排查经营性自建房1.2万栋，已整治1.5万栋" deals with more buildings than it found. The check
    compares a figure of things handled (处置, 整改, 销号, 拆除, 查处, 整治 …) that the text makes
    part of the things found (已, 其中, 全部, 均: 已处置55宗) with the nearest figure of things
    found (排摸, 排查, 发现, 梳理 …) before it in the same sentence, when

    - both have the same dimension: 宗 and 宗, 万栋 and 栋 (converted); figures in different units
      count different things and are not compared (排查发现问题隐患2.2万余个 are hazards,
      立案查处58起 are cases);
    - the handled figure names no object of its own, or one the found figure names too (整改隐患
      after 排查燃气隐患; but 整改消防隐患 is not a part of 排查燃气隐患);
    - the handled figure is not cumulative (累计) while the found one is not.

    Without such a word the things handled in a year may include things found earlier
    (排查隐患1200处，整改1350处), and inspections (检查, 巡查) count acts, not things found: neither
    is compared. Pairs whose indicators the catalog relates (已处置 ≤ 排摸) are left to townkpi's
    core part-of check (TK203), so that one contradiction gives one finding.

    反例:
        排查经营性自建房1.2万栋，已整治1.5万栋。

    正例:
        排查经营性自建房1.2万栋，已整治1.1万栋。
        累计排查发现问题隐患2.2万余个，立案查处58起。
    """

    code = "URB102"
    name = "urban.handled_above_found"
    description = "More things handled (处置, 拆除 …) than found (排摸, 排查 …) in one sentence."
    groups = ("urban", "relations")
    part_words = HANDLED_VERBS
    whole_words = FOUND_VERBS
    subset_markers = SUBSET_MARKERS
    filler_words = FILLERS
    terms = TERMS
