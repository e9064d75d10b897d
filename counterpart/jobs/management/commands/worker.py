import logging
import os
import socket
import time

from django.core.management.base import BaseCommand
from django.db import OperationalError, connections
from django_tasks_db.management.commands.db_worker import Worker

from counterpart.jobs.services import jobs_recover, schedule_due

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = (
        "Run the queued work, and start scheduled work when it is due, until stopped. Start as "
        "many workers as you like, on any machine that shares the database."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--once", action="store_true", help="Run what is ready now, then stop (for cron)."
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between looks at the queue."
        )

    def handle(self, *args, once=False, interval=1.0, **options):
        recovered = jobs_recover()
        if recovered:
            self.stdout.write(f"{recovered} interrupted job(s) queued again or failed.")
        worker = Worker(
            queue_names=["*"],
            interval=0,
            batch=True,  # run what is ready, then come back here
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=f"{socket.gethostname()}-{os.getpid()}"[:64],
            excluded_queue_names=[],
        )
        try:
            while True:
                try:
                    schedule_due()
                    worker.run()
                except OperationalError as error:  # locked or gone a while: look again later
                    logger.warning("The queue could not be read (%s); trying again.", error)
                    connections.close_all()
                if once:
                    return
                time.sleep(interval)
        except KeyboardInterrupt:  # Ctrl-C: an interrupted job rolls back and runs again
            self.stdout.write("Worker stopped.")
