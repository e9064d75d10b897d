# Django's Uyghur formats give no date with a time, so Django's default ("N j, Y, P": an English
# abbreviation and "a.m.") showed on Uyghur pages; the day, the month's name, the year and a
# 24-hour time instead.
from django.conf.locale.ug.formats import *  # noqa: F403

DATETIME_FORMAT = "j F Y H:i"
SHORT_DATETIME_FORMAT = "Y/m/d H:i"
