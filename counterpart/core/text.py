"""How names become searchable (the search box, a select that narrows as one types): folded
the same way on both sides (NFKC, any script's digits as ASCII, no zero-width marks, case
folded), and Chinese spelled out in pinyin, whole and by initials, so "kashi", "ks" and "喀什"
all find 喀什地区."""

import re

from pypinyin import Style, lazy_pinyin

from counterpart.engine.privacy import plain_text

FIELD = "\x1f"  # between the fields of an entry: a word that starts a field follows it
MAX_WORDS = 6  # more words narrow nothing further; they are ignored
MAX_WORD = 100
MAX_QUERY = 300  # characters of a query read at all
_HAN = re.compile(r"[\u3400-\u9fff]")
_SEPARATORS = re.compile(r"[\s\x00-\x1f\x7f]+")  # control characters too (FIELD, NUL)


def folded(text: str) -> str:
    return _SEPARATORS.sub(" ", plain_text(text)).casefold().strip()


def words(query: str) -> list[str]:
    """The query's words as an entry holds them (the first MAX_WORDS, each cut to MAX_WORD)."""
    return [word[:MAX_WORD] for word in folded(query).split()[:MAX_WORDS]]


def spellings(*texts) -> list[str]:
    """Each text, and for one with Chinese in it its pinyin whole and by initials."""
    found = []
    for text in texts:
        if not text:
            continue
        text = str(text)
        found.append(text)
        if _HAN.search(text):
            found.append("".join(lazy_pinyin(text, errors="ignore")))
            found.append("".join(lazy_pinyin(text, style=Style.FIRST_LETTER, errors="ignore")))
    return found


def entry_text(*texts) -> str:
    """The fields an entry is found by, each folded, each after a FIELD mark."""
    return "".join(FIELD + folded(text) for text in texts if text)
