"""What the GB/T 2260 list shipped with the places says: seats, and counties under a prefecture
(a design's estimate of a county's population divides by the latter)."""

from counterpart.places.centres import centre_of, counties_in


def test_a_prefecture_counts_the_county_level_places_listed_under_it():
    assert counties_in("652300") == 7  # Changji: Changji City, Fukang and five counties
    assert counties_in("653100") == 12  # Kashgar: Kashgar City and eleven counties
    assert counties_in("653200") == 8  # Hotan


def test_a_county_a_province_or_a_code_of_our_own_has_no_counties_under_it():
    assert [counties_in(code) for code in ("653101", "650000", "XPCC-14", "", "65230")] == [0] * 5


def test_a_listed_place_has_its_seat_and_an_unlisted_one_none():
    latitude, longitude = centre_of("653201")
    assert 36 < latitude < 38 and 79 < longitude < 81  # Hotan City
    assert centre_of("XPCC-14") is None
