from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from counterpart.engine.pen_pals import ClassGroup, class_pairs, fits

groups = st.lists(
    st.builds(
        ClassGroup,
        id=st.integers(1, 10_000),
        grade=st.integers(1, 12),
        pupils=st.integers(10, 60),
        language=st.sampled_from(["zh", "ug", "kk"]),
    ),
    max_size=12,
    unique_by=lambda c: c.id,
)


def test_classes_pair_by_grade_then_size():
    lianyungang = [ClassGroup(1, 8, 45, "zh"), ClassGroup(2, 7, 30, "zh")]
    horgos = [ClassGroup(11, 7, 32, "zh"), ClassGroup(12, 8, 44, "zh"), ClassGroup(13, 3, 40, "zh")]
    assert sorted(class_pairs(lianyungang, horgos)) == [(1, 12), (2, 11)]


@given(groups, groups)
def test_pairs_fit_use_each_class_once_and_leave_no_two_classes_wanting_each_other(a, b):
    b = [replace(c, id=c.id + 100_000) for c in b]  # ids are unique across sides, as in the db
    pairs = class_pairs(a, b)
    by_id = {c.id: c for c in [*a, *b]}
    assert len({d for d, _ in pairs}) == len(pairs) == len({r for _, r in pairs})
    assert all(fits(by_id[d], by_id[r]) for d, r in pairs)
    partner = {**{d: by_id[r] for d, r in pairs}, **{r: by_id[d] for d, r in pairs}}

    def closeness(me, other):
        return (abs(other.grade - me.grade), abs(other.pupils - me.pupils), other.id)

    for donor in a:
        for recipient in b:
            if not fits(donor, recipient) or partner.get(donor.id) == recipient:
                continue
            donor_wants = donor.id not in partner or closeness(donor, recipient) < closeness(
                donor, partner[donor.id]
            )
            recipient_wants = recipient.id not in partner or closeness(
                recipient, donor
            ) < closeness(recipient, partner[recipient.id])
            assert not (donor_wants and recipient_wants)
