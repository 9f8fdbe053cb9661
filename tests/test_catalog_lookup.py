"""``Catalog.lookup`` finds a phrase's indicator by looking up substrings, not by trying every
name and alias in turn; it finds what trying them in turn (longest first) finds."""

from hypothesis import given
from hypothesis import strategies as st

from townkpi.catalog import Catalog, Indicator, builtin_catalog

CATALOG = builtin_catalog()
PHRASES = sorted({p for ind in CATALOG for p in ind.phrases})
CHARS = sorted(set("".join(PHRASES).replace("*", "")))


def scan(catalog, phrase, head):
    """The reference: the name itself, else the first matcher (longest phrase first) that matches."""
    found = catalog._by_name.get(phrase)
    if found is not None:
        return found
    for m in catalog._matchers:
        if (m.at_end if head else m.anywhere).search(phrase):
            return m.indicator
    return None


words = st.sampled_from([p.replace("*", "某") for p in PHRASES])
noise = st.text(alphabet=st.sampled_from([*CHARS, "，", "\n"]), max_size=12)
tails = st.sampled_from(["", "数", "数量", "总数", "总量", "规模", "率", "\n", "数\n"])
phrases = st.builds(lambda a, w, b, t: a + w + b + t, noise, words, noise, tails) | noise


@given(phrases, st.booleans())
def test_lookup_finds_what_trying_each_phrase_in_turn_finds(phrase, head):
    catalog = Catalog(indicators=CATALOG.indicators)
    assert catalog.lookup(phrase, head=head) is scan(catalog, phrase, head)


def test_the_longest_phrase_wins_and_a_wildcard_phrase_is_tried():
    catalog = Catalog(
        indicators=[
            Indicator(name="完成率", aliases=("办结率",)),
            Indicator(name="目标完成率"),
            Indicator(name="违法建筑拆除", aliases=("拆除*违法建筑",)),
        ]
    )
    assert catalog.lookup("年度目标完成率").name == "目标完成率"
    assert catalog.lookup("信访件办结率").name == "完成率"
    assert catalog.lookup("拆除各类违法建筑").name == "违法建筑拆除"
    assert catalog.lookup("目标完成率统计", head=True) is None
    assert catalog.lookup("目标完成率数", head=True).name == "目标完成率"
