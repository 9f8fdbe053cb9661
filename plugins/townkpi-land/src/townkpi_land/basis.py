"""A completion rate of land acquisition or relocation over an amount of another kind (LAN103)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Final

from townkpi import (
    Check,
    CheckContext,
    Evidence,
    FactKind,
    Finding,
    describe_fact,
)
from townkpi_land.completion import is_attainment

__all__ = ["RATED", "RateOverWrongBasis"]

#: The land indicators whose completion rates are checked against the unit of their basis.
RATED: Final = frozenset({"征地面积", "征地任务", "拆迁户数", "拆迁面积", "拆迁签约"})


class RateOverWrongBasis(Check):
    """A completion rate of land acquisition is a share of land; of relocation, of households.

    征地 (land acquisition) is measured in 亩 or 公顷, 拆迁 (relocation) in households (户) or floor
    area: the two are separate dimensions. A rate named for one of them (征地完成率, 拆迁完成率,
    签约率) must be the share of an amount that indicator can be measured in; "征地完成率97.4%"
    over 169户 is the share of households, not of land. The rate's indicator must name a
    different indicator than its basis: an amount in the wrong unit for its own indicator
    (征地169户) is reported by townkpi's TK401.

    反例:
        宁慈线完成拆迁169户，征地完成率97.4%。

    正例:
        宁慈线完成征地184亩，征地完成率97.4%。
    """

    code = "LAN103"
    name = "land.rate_over_wrong_basis"
    description = "A 征地 or 拆迁 completion rate is over an amount of another dimension."
    groups = ("land", "rates", "dimensions")

    def check(self, ctx: CheckContext) -> Iterator[Finding]:
        """Yield an error for each land completion rate over an amount of the wrong dimension."""
        for rate in ctx.of_kind(FactKind.RATE):
            basis = ctx.referent(rate)
            rated = ctx.indicator(rate, head=True)
            if basis is None or basis.unit is None or rated is None or rated.name not in RATED:
                continue
            own = ctx.indicator(basis, head=True)
            if (own is not None and own.name == rated.name) or is_attainment(ctx, rate):
                continue
            if rated.allows(basis.unit):
                continue
            unit = basis.value.unit_info
            kind = unit.category.value if unit is not None else "none"
            article = "an" if kind[:1] in "aeiou" else "a"
            yield self.finding(
                f"{describe_fact(rate, period=True)} is a completion rate of {rated.name}, which "
                f"is measured in {' or '.join(rated.dimensions)}, but it is stated over "
                f"{describe_fact(basis, period=True)}, {article} {kind} in {basis.unit}: a rate "
                f"of {rated.name} cannot be the share of {basis.unit}",
                facts=[rate, basis],
                evidence=(
                    Evidence.of("rate", str(rate.value)),
                    Evidence.of("rate_indicator", rated.name),
                    Evidence.of("allowed_dimensions", list(rated.dimensions)),
                    Evidence.of("basis", str(basis.value)),
                    Evidence.of("basis_dimension", kind),
                ),
            )
