"""What a username looks like to a reader, for keeping two that look alike apart: "Office"
and "office", "οffice" with a Greek omicron, "0ffice" with a zero, "offıce" with a dotless i
are one name. The look-alikes come from Unicode's confusables (confusable-homoglyphs keeps
them); each character is read as the ASCII letter it passes for, then case is ignored."""

import functools
import unicodedata

from confusable_homoglyphs import confusables

# ASCII that passes for other ASCII, once case is ignored (Unicode's prototypes).
_ASCII_ALIKE = str.maketrans({"0": "o", "1": "l", "|": "l"})


@functools.lru_cache(maxsize=4096)
def _passes_for(character: str) -> str:
    """The ASCII letter or digit a character passes for, or the character itself."""
    if character.isascii():
        return character
    found = confusables.is_confusable(character, preferred_aliases=[], greedy=True) or []
    for entry in found:
        for homoglyph in entry["homoglyphs"]:
            if len(homoglyph["c"]) == 1 and homoglyph["c"].isascii() and homoglyph["c"].isalnum():
                return homoglyph["c"]
    return character


def username_key(username: str) -> str:
    """The name as it reads: equal for two usernames a person would take for one."""
    plain = unicodedata.normalize("NFKC", username.strip())
    read = "".join(_passes_for(character) for character in plain)  # В passes for B, not в for b
    return read.casefold().translate(_ASCII_ALIKE).replace("rn", "m")
