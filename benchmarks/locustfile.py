"""Fifty people of every role at once, for `benchmarks/load.py` (`make bench-load`).

Each simulated person signs in as a demo login, then browses the dashboard, lists and records
and, as a donor team, records ledger entries through the record form or, as a recipient team,
reports a result through the API. Every request is named "kind: what" and its time is kept in
LOAD_SAMPLES (a JSON file written when locust stops), from which load.py figures percentiles.
"""

import itertools
import json
import os
import random
import uuid
from datetime import date, timedelta
from pathlib import Path

from locust import HttpUser, between, events, task

PLAN = json.loads(Path(os.environ["LOAD_PLAN"]).read_text(encoding="utf-8"))
PASSWORD = PLAN["password"]
SAMPLES: list[tuple[str, float, bool]] = []  # (kind, milliseconds, failed)
PERIODS = itertools.count()  # each reported period is a day of its own: no two reports collide


@events.request.add_listener
def keep(request_type, name, response_time, response_length, exception=None, **kwargs):
    SAMPLES.append((name.split(":")[0], response_time, exception is not None))


@events.quitting.add_listener
def write_samples(environment, **kwargs):
    with open(os.environ["LOAD_SAMPLES"], "w", encoding="utf-8") as handle:
        json.dump(SAMPLES, handle)


class Person(HttpUser):
    abstract = True
    username = ""
    wait_time = between(1, 4)

    def on_start(self):
        if not self.username:
            return
        self.client.get("/accounts/login/", name="sign-in: form")
        with self.client.post(
            "/accounts/login/",
            data={
                "username": self.username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
            },
            name="sign-in: post",
            catch_response=True,
        ) as response:
            if "sessionid" not in self.client.cookies:
                response.failure(f"{self.username} was not signed in")

    def page(self, address: str, name: str):
        self.client.get(address, name=name)

    @task(3)
    def dashboard(self):
        self.page("/dashboard/", "dashboard: /dashboard/")

    @task(2)
    def home(self):
        self.page("/", "dashboard: /")

    @task(4)
    def lists(self):
        address = random.choice(
            ["/projects/", "/pairings/", "/organizations/", "/exchanges/", "/enterprise/"]
        )
        self.page(address, f"list: {address}")

    @task(3)
    def project(self):
        self.page(f"/projects/{random.choice(PLAN['projects'])}/", "detail: /projects/ID/")

    @task(1)
    def pairing(self):
        self.page(f"/pairings/{random.choice(PLAN['pairings'])}/", "detail: /pairings/ID/")


class Public(Person):
    weight = 2

    @task(1)
    def open_data(self):
        self.page("/open-data/", "list: /open-data/")


class Office(Person):
    weight = 1
    username = "office"

    @task(2)
    def ledger(self):
        self.page("/funding/", "list: /funding/")

    @task(1)
    def reviews(self):
        self.page("/reporting/reviews/", "list: /reporting/reviews/")


class Auditor(Person):
    weight = 1
    username = "auditor"

    @task(2)
    def log(self):
        self.page("/audit/", "list: /audit/")

    @task(1)
    def ledger(self):
        self.page("/funding/", "list: /funding/")


class Professional(Person):
    weight = 1
    username = "professional"

    @task(2)
    def talent(self):
        self.page("/talent/", "list: /talent/")


class DonorTeam(Person):
    weight = 3
    username = "beijing"

    @task(2)
    def ledger(self):
        self.page("/funding/", "list: /funding/")

    @task(2)
    def record_an_entry(self):
        self.client.get("/funding/record/", name="write: /funding/record/ form")
        fields = {
            "kind": "2",  # a commitment
            "pairing": random.choice(PLAN["donor_pairings"]),
            "amount": f"{random.randint(10, 5000) * 1000:,}",
            "currency": "CNY",
            # within the last three weeks: a quarter stays open for entries weeks after its end
            "value_date": (date.today() - timedelta(days=random.randint(0, 20))).isoformat(),
            "sector": random.choice(PLAN["sectors"]),
            "description": "load test",
            "reference": f"LOAD-{uuid.uuid4().hex[:12]}",
            "csrfmiddlewaretoken": self.client.cookies.get("csrftoken", ""),
        }
        with self.client.post(
            "/funding/record/", data=fields, name="write: /funding/record/", catch_response=True
        ) as response:
            if "recorded=1" not in response.url:
                response.failure("the entry was not recorded")


class RecipientTeam(Person):
    weight = 2
    username = "kashgar"  # load.py adds it: the demo's results are in Kashgar's counties

    @task(2)
    def report_a_result(self):
        project, indicator = random.choice(PLAN["indicators"])
        day = date(2027, 1, 1) + timedelta(days=next(PERIODS))
        self.client.put(
            f"/api/projects/{project}/indicators/{indicator}/periods",
            json={
                "period_start": day.isoformat(),
                "period_end": day.isoformat(),
                "actual": random.randint(1, 500),
            },
            headers={"X-CSRFToken": self.client.cookies.get("csrftoken", "")},
            name="write: /api/…/periods",
        )
