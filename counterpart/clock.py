"""Another day for the whole process: `COUNTERPART_TODAY=2027-03-31 make run` serves the demo
as it would be that day (the demo loaded then is dated from it), for trying the product on the
last day of a quarter or a year ahead, and for the journey tests, whose server runs in a process
of its own. time-machine moves every clock the process reads, from the moment it starts; the
clock then runs on from 09:00 of that day, or from the time given (`2027-03-31T08:00`): each
process starts its clock afresh, so load the demo at an earlier hour than the server runs.
Refused in production."""

import datetime
import os
import zoneinfo

VARIABLE = "COUNTERPART_TODAY"


def start_from_environment() -> None:
    day = os.environ.get(VARIABLE, "").strip()
    if not day:
        return
    if os.environ.get("DEPLOYMENT", "").strip().lower() == "production":
        raise SystemExit(f"{VARIABLE} moves the clock: it is refused in production.")
    import time_machine  # a development dependency: `make run` installs it

    zone = zoneinfo.ZoneInfo(os.environ.get("TIME_ZONE", "Asia/Shanghai"))
    moment = datetime.datetime.fromisoformat(day if "T" in day else f"{day}T09:00")
    moment = moment.replace(tzinfo=zone)
    time_machine.travel(moment, tick=True).start()
