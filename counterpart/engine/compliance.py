"""Shares and thresholds of the programme's rules: the wellbeing share, the share spent at county
level and below, commitments against the quota. Integers in, integers out (parts per million)."""

from dataclasses import dataclass

PPM = 1_000_000


def share_ppm(part: int, whole: int) -> int | None:
    """`part` as parts per million of `whole`, rounded down; None when there is no whole."""
    if whole <= 0:
        return None
    return max(0, part) * PPM // whole


@dataclass(frozen=True)
class ShareCheck:
    """A share against the threshold it must reach."""

    part_minor: int
    whole_minor: int
    threshold_ppm: int

    @property
    def share_ppm(self) -> int | None:
        return share_ppm(self.part_minor, self.whole_minor)

    @property
    def met(self) -> bool | None:
        share = self.share_ppm
        return None if share is None else share >= self.threshold_ppm

    def with_added(self, *, part_minor: int, whole_minor: int) -> "ShareCheck":
        """The same check after one more entry: what a commitment about to be recorded does."""
        return ShareCheck(
            part_minor=self.part_minor + part_minor,
            whole_minor=self.whole_minor + whole_minor,
            threshold_ppm=self.threshold_ppm,
        )

    def headroom_minor(self) -> int:
        """How much more could go outside the part before the share falls below the threshold."""
        if self.threshold_ppm <= 0:
            return max(0, self.whole_minor)
        # part / (whole + x) >= t  <=>  x <= part / t - whole
        return max(0, self.part_minor * PPM // self.threshold_ppm - self.whole_minor)
